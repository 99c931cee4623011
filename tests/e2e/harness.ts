import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { mkdtemp, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The Chrome build under test; KBLENS_DIST points the tests at another build (KBLENS_OUT_DIR). */
export const DIST = process.env.KBLENS_DIST ?? join(ROOT, 'dist');
export const PAGES = join(ROOT, 'tests/e2e/pages');
export const ARTIFACTS = join(ROOT, 'artifacts/e2e');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function e2eUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(join(DIST, 'manifest.json'))) return 'no built extension in dist/ (npm run build)';
  return null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves tests/e2e/pages on 127.0.0.1 (a random port); `extra` adds generated pages by path. */
export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(extra: Record<string, string | (() => string)> = {}): Promise<PageServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // The browser asks every origin for a favicon; a 404 would show up as a console error.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const generated = extra[path];
    if (generated !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(typeof generated === 'function' ? generated() : generated);
      return;
    }
    // SPA-style routes (/app/...) all serve the app shell.
    const file = path.startsWith('/app/') ? '/spa.html' : path;
    const full = normalize(join(PAGES, file));
    if (!full.startsWith(PAGES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(full);
      res.writeHead(200, { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request the browser made that is not to our 127.0.0.1 test server or the extension itself. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Chromium with the built extension (or another build of it: `dist`) loaded, in a fresh profile. */
export async function launchWithExtension(
  opts: { colorScheme?: 'light' | 'dark'; dist?: string } = {},
): Promise<ExtensionBrowser> {
  const dist = opts.dist ?? DIST;
  const profile = await mkdtemp(join(tmpdir(), 'kblens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Without these Chromium phones home at start; this machine has no network.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const foreignRequests: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/.test(url)) foreignRequests.push(url);
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    foreignRequests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker, as Chrome does after it idles; true once the browser no
 * longer lists it as a target. The next message from the popup starts it again, cold.
 */
export async function stopExtensionWorker(ext: ExtensionBrowser, page: Page): Promise<boolean> {
  const prefix = `chrome-extension://${ext.extensionId}/`;
  const cdp = await ext.context.newCDPSession(page);
  try {
    const running = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.some(
        (t) => t.type === 'service_worker' && t.url.startsWith(prefix),
      );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 100; i++) {
      if (!(await running())) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  } catch {
    return false;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until the background has registered the content script for the preset sites. */
export async function waitForContentScriptRegistration(worker: Worker): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const n = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    if (n > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the background never registered the content script');
}

/** Console errors of a page, collected from now on. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * Saves a PNG of the page under artifacts/e2e. `caret: 'initial'` because Playwright's default
 * (`'hide'`) writes `caret-color` into the inline style of every input, textarea and contenteditable
 * and "restores" it with setProperty('caret-color', ''), leaving an empty `style=""` on the page's
 * editors: a DOM change that is the test's own, not the extension's.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, caret: 'initial' });
  return path;
}

export async function writeArtifact(name: string, text: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, name), text);
}

declare global {
  // The service worker's chrome namespace, for worker.evaluate callbacks.
  var chrome: any;
}

/** Whether the card is open (its popover shown). */
export function cardOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('kblens-card-host')?.matches(':popover-open') ?? false);
}

/** `inCard`, but null unless the card is open: what a reader of the card wants. */
export async function inOpenCard<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T | null> {
  return (await cardOpen(page)) ? inCard(page, fn) : null;
}

/**
 * Closes the open card (pointer away, Escape) and waits until it is closed, then moves the pointer
 * onto `at` as a person would: the next card read is the one of what lies there.
 */
export async function hoverAfresh(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardOpen(page), { timeout: 10_000, interval: 100 }).toBe(false);
  await page.mouse.move(at.x - 20, at.y - 20);
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

/**
 * Runs `fn` on the card's shadow root and returns its (JSON) result; null when no card host exists.
 * The root is closed, so page.evaluate cannot reach it; the DevTools protocol can (DOM.describeNode
 * with pierce lists closed roots too). `fn` runs in the page's main world and gets the root as its
 * first argument; it must be self-contained (it is sent as source text).
 */
export async function inCard<T, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => T,
  arg?: A,
): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'kblens-card-host' });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error('kblens-card-host has no shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const res = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails)
      throw new Error(`inCard: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Records, in every frame of the page from DOMContentLoaded on (the content script runs at
 * document_idle, after it), each DOM mutation as "type target [attribute]", where target is
 * `#id` or `tag.class`. Mutations of KB Lens's own host (added, moved, its popover state) are
 * left out: that is the one element it may add. Read with pageMutations(); also keeps the body's
 * markup as it was at DOMContentLoaded (`bodyBefore`) and every CSP violation.
 */
export async function recordDomChanges(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { ready: false, records: [] as string[], bodyBefore: '', csp: [] as string[] };
    (window as unknown as { __kblensTest: typeof state }).__kblensTest = state;
    const HOST = 'KBLENS-CARD-HOST';
    const name = (n: Node | null): string => {
      if (!n) return '?';
      if (n.nodeType !== 1) return n.nodeName;
      const el = n as Element;
      if (el.id) return `#${el.id}`;
      const cls = el.getAttribute('class');
      return el.nodeName.toLowerCase() + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '');
    };
    document.addEventListener(
      'securitypolicyviolation',
      (e) => state.csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      true,
    );
    document.addEventListener('DOMContentLoaded', () => {
      state.bodyBefore = document.body.innerHTML;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.target.nodeName === HOST) continue;
          const nodes = [...r.addedNodes, ...r.removedNodes];
          // Its host goes on <html>, or into a modal dialog while one is open (see card/host.ts).
          if (r.type === 'childList' && nodes.length && nodes.every((n) => n.nodeName === HOST)) continue;
          const target = r.type === 'characterData' ? r.target.parentNode : r.target;
          state.records.push(`${r.type} ${name(target)}${r.attributeName ? ' ' + r.attributeName : ''}`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      state.ready = true;
    });
  });
}

export interface DomChanges {
  /** False when the recorder never ran in this frame (the check would prove nothing). */
  ready: boolean;
  records: string[];
  bodyBefore: string;
  bodyNow: string;
  csp: string[];
}

/** What recordDomChanges() saw in this frame (page.mainFrame() or a child frame). */
export function domChanges(frame: Frame): Promise<DomChanges> {
  return frame.evaluate(() => {
    const s = (
      window as unknown as { __kblensTest?: { ready: boolean; records: string[]; bodyBefore: string; csp: string[] } }
    ).__kblensTest;
    return {
      ready: s?.ready ?? false,
      records: s?.records ?? [],
      bodyBefore: s?.bodyBefore ?? '',
      bodyNow: document.body.innerHTML,
      csp: s?.csp ?? [],
    };
  });
}

/** Paths this page requested (from now on), with the origin for requests elsewhere. */
export function collectRequests(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    // about:srcdoc and data: frames are not requests to anyone.
    if (url.protocol === 'about:' || url.protocol === 'data:') return;
    seen.push(url.origin === origin ? url.pathname : r.url());
  });
  return seen;
}

/**
 * The test pages served and Chromium started with the built extension (its content script
 * registered), for the tests of one describe block; both stopped after them.
 */
export function useExtension(): { readonly browser: ExtensionBrowser; readonly server: PageServer } {
  const env = {} as { browser: ExtensionBrowser; server: PageServer };
  beforeAll(async () => {
    env.server = await servePages();
    env.browser = await launchWithExtension();
    await waitForContentScriptRegistration(env.browser.worker);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Highlight texts per kind (only kinds with ranges), whitespace collapsed, sorted. */
export type HighlightTexts = Record<string, string[]>;

/** The painted background of every range of each highlight, in order: a range whose root lacks the rules reads as transparent. */
export function highlightColours(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      out[name] = [...h].map(
        (r) => getComputedStyle(r.startContainer.parentElement!, `::highlight(${name})`).backgroundColor,
      );
    }
    return out;
  });
}

/** A highlight's range as a pointer reaches it: its text and a point on its first line. */
export interface RangePoint {
  text: string;
  x: number;
  y: number;
}

/**
 * The ranges of highlight `name` in document order, each with its text and a point on its first
 * line; with `scrollTo`, that range is scrolled into view first (its point is then on screen).
 */
export function highlightRanges(page: Page, name: string, scrollTo?: number): Promise<RangePoint[]> {
  return page.evaluate(
    ([name, scrollTo]) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(name);
      const ranges = [...(h ?? [])]
        .map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range;
        })
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      if (scrollTo !== null)
        (ranges[scrollTo]?.startContainer.parentElement as HTMLElement | null)?.scrollIntoView({ block: 'center' });
      return ranges.map((range) => {
        const b = range.getClientRects()[0]!;
        return {
          text: range.toString().replace(/\s+/g, ' ').trim(),
          x: b.left + Math.min(b.width / 2, 20),
          y: b.top + b.height / 2,
        };
      });
    },
    [name, scrollTo ?? null] as const,
  );
}

/** The page's (or a frame's) highlight registry, shared with the content script's isolated world. */
export function highlightTexts(target: Page | Frame): Promise<HighlightTexts> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      const texts = [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        // A <br> inside a match reads as a space, as the agent sees it.
        const frag = range.cloneContents();
        for (const br of frag.querySelectorAll('br')) br.replaceWith(' ');
        return (frag.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
      if (texts.length) out[name] = texts.sort();
    }
    return out;
  });
}

/**
 * Hovers the first range of a highlight (document order of registration) the way a person would:
 * scrolled into view, the pointer coming from outside onto its first line; resolves once the card
 * is open in the top layer.
 */
export async function hoverFirstHighlight(page: Page, name: string): Promise<void> {
  const box = await page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(n);
    const r = h ? [...h][0] : undefined;
    if (!r) throw new Error(`no ${n} highlight`);
    (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 };
  }, name);
  await page.mouse.move(box.x - 40, box.y - 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await page.waitForFunction(
    () => document.querySelector('kblens-card-host')?.matches(':popover-open') ?? false,
    null,
    { timeout: 10_000 },
  );
}
