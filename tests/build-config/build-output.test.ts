import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { highlightCss } from '../../src/core/highlight-style';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { REQUESTS } from '../../src/messaging/protocol';
import { classicPageScript } from '../../build-config/classic-pages';

// Builds both targets for real (vite + CRXJS, ~1-2 s each) into temporary folders and checks what
// would ship. Regressions this caught: the service-worker loader importing the content script
// instead of the background (two chunks named "index.ts"), the content script made
// web-accessible, and unused chunks in the package.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
/** Registered on turned-on sites: a small probe that only looks for a match. */
const PROBE_SCRIPT = 'src/content/bootstrap.js';
/** Registered as the content script's stylesheet: the default ::highlight rules, before the page renders. */
const HIGHLIGHT_CSS = 'assets/kblens-highlights.css';
/** Injected by the background into a frame once the probe finds a match there. */
const CONTENT_SCRIPT = 'src/content/index.js';

type Built = { dir: string; manifest: Record<string, any>; files: string[]; read: (f: string) => string };

let work: string;
const built: Partial<Record<'chrome' | 'firefox', Built>> = {};

function build(target: 'chrome' | 'firefox'): Built {
  const dir = join(work, target);
  const env: NodeJS.ProcessEnv = { ...process.env, TARGET: target };
  delete env.KBLENS_SITES;
  execFileSync(process.execPath, [VITE, 'build', '--outDir', dir, '--logLevel', 'error'], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  });
  const files: string[] = [];
  const walk = (d: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : files.push(relative(dir, join(d, e.name))),
    );
  walk(dir);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { dir, manifest: JSON.parse(read('manifest.json')), files: files.sort(), read };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kblens-build-'));
  built.chrome = build('chrome');
  built.firefox = build('firefox');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The JS files a module imports statically (relative specifiers), resolved against the package root. */
function staticImports(b: Built, file: string): string[] {
  const code = b.read(file);
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"]*?from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => {
    const parts = (base + m[1]!).split('/');
    const out: string[] = [];
    for (const p of parts) p === '..' ? out.pop() : p !== '.' && out.push(p);
    return out.join('/');
  });
}

describe.each(['chrome', 'firefox'] as const)('the %s build', (target) => {
  const b = () => built[target]!;
  const backgroundLoader = () =>
    target === 'chrome'
      ? (b().manifest.background.service_worker as string)
      : (b().manifest.background.scripts[0] as string);

  it('starts the background, not the content script, from the loader', () => {
    const loader = backgroundLoader();
    // Chrome's worker is one classic script (classic-worker.ts); Firefox's event page a module loader.
    const files = target === 'chrome' ? [loader] : staticImports(b(), loader);
    expect(files).toHaveLength(1);
    const [entry] = files as [string];
    const code = b().read(entry);
    expect(code).toContain('onInstalled');
    expect(code).toContain(PROBE_SCRIPT); // the files it registers
    expect([entry, ...staticImports(b(), entry)].map((f) => b().read(f)).join('\n')).toContain(HIGHLIGHT_CSS);
    expect(code).toContain(CONTENT_SCRIPT); // the file it injects on a match
    expect(code).not.toContain('kblens-card-host'); // content-script code
  });

  it.skipIf(target !== 'chrome')(
    "gives Chrome's worker as one classic script, whose compiled code Chrome keeps between starts",
    () => {
      expect(b().manifest.background).toEqual({ service_worker: 'service-worker.js' });
      const code = b().read('service-worker.js');
      expect(code).not.toMatch(/(^|[;}\s])import\s*[{('"*]|\bimport\(|export\s*\{/);
      // The popup's and the worker's shared code is in both; nothing else ships for the worker alone.
      expect(b().files.filter((f) => /service-worker|lookup-window|preload-helper/.test(f))).toEqual([
        'service-worker.js',
      ]);
    },
  );

  it('ships the probe and the content script as self-contained classic scripts, the card only in the second', () => {
    const noModuleSyntax = /(^|[;}\s])import\s*[{('"*]|\bimport\(|export\s*\{/;
    const lens = b().read(CONTENT_SCRIPT);
    expect(lens).toContain('kblens-card-host');
    expect(lens).toContain('attachShadow');
    expect(lens).not.toMatch(noModuleSyntax);
    const probe = b().read(PROBE_SCRIPT);
    expect(probe).not.toMatch(noModuleSyntax);
    // The probe runs on every page of a turned-on site: none of the card, highlighter or polyfill.
    expect(probe).not.toContain('attachShadow');
    expect(probe).not.toContain('adoptedStyleSheets');
    expect(probe.length).toBeLessThan(lens.length / 3);
    // V8's compile hint must be the file's first line to count.
    expect(probe.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    expect(lens.startsWith('//#')).toBe(false);
  });

  it('ships the default highlight rules as the stylesheet the background registers', () => {
    expect(b().read(HIGHLIGHT_CSS)).toBe(`${highlightCss(DEFAULT_SETTINGS)}\n`);
  });

  it('makes nothing web-accessible and asks for no site at install', () => {
    expect(b().manifest.web_accessible_resources).toBeUndefined();
    expect(b().manifest.host_permissions).toBeUndefined();
    expect(b().manifest.content_scripts).toBeUndefined();
  });

  it('ships every page the manifest names, each with the scripts it loads, and nothing unused', () => {
    const m = b().manifest;
    const pages = [
      m.action.default_popup,
      m.options_ui.page,
      target === 'chrome' ? m.side_panel.default_path : m.sidebar_action.default_panel,
    ];
    const loaded = new Set<string>([backgroundLoader()]);
    const follow = (f: string) => {
      if (loaded.has(f) && f !== backgroundLoader()) return;
      loaded.add(f);
      staticImports(b(), f).forEach(follow);
      for (const m2 of b()
        .read(f)
        .matchAll(/["'`](assets\/[\w.-]+\.js)["'`]/g))
        if (!loaded.has(m2[1]!)) follow(m2[1]!);
      for (const m2 of b()
        .read(f)
        .matchAll(/import\(["'`]\.\/([\w.-]+\.js)["'`]\)/g))
        if (!loaded.has(`assets/${m2[1]}`)) follow(`assets/${m2[1]}`);
    };
    follow(backgroundLoader());
    for (const page of pages) {
      expect(b().files).toContain(page);
      for (const s of b()
        .read(page)
        .matchAll(/<script[^>]*\ssrc="\/([^"]+)"/g)) {
        expect(b().files).toContain(s[1]);
        follow(s[1]!);
      }
    }
    loaded.add(CONTENT_SCRIPT).add(PROBE_SCRIPT);
    const unused = b().files.filter((f) => f.endsWith('.js') && !loaded.has(f));
    expect(unused).toEqual([]);
  });

  it('starts the worker from the popup and the side panel before their modules load, with a request it answers', () => {
    // A stopped worker is started by a page's first request; asked before the page's module graph
    // is fetched, it starts alongside the page (public/wake.js).
    const m = b().manifest;
    const pages = [
      m.action.default_popup,
      target === 'chrome' ? m.side_panel.default_path : m.sidebar_action.default_panel,
    ];
    for (const page of pages) {
      const scripts = [
        ...b()
          .read(page)
          .matchAll(/<script([^>]*)\ssrc="\/([^"]+)"/g),
      ];
      expect(scripts[0]![2], page).toBe('wake.js');
      expect(scripts[0]![1], page).not.toMatch(/type="module"|defer|async/);
    }
    const asked = /sendMessage\(\{ type: '([\w-]+)' \}\)/.exec(b().read('wake.js'))?.[1];
    expect(asked).toBeDefined();
    expect(Object.keys(REQUESTS)).toContain(asked);
    expect(Object.keys(REQUESTS[asked as keyof typeof REQUESTS].fields)).toEqual([]);
  });

  it('loads the popup and the side panel from one classic script each: one request, no module graph', () => {
    // A module page fetches its whole graph before it runs (build-config/classic-pages.ts).
    const m = b().manifest;
    const pages = [
      m.action.default_popup,
      target === 'chrome' ? m.side_panel.default_path : m.sidebar_action.default_panel,
    ];
    for (const page of pages) {
      const html = b().read(page);
      const scripts = [...html.matchAll(/<script([^>]*)\ssrc="\/([^"]+)"/g)].map((s) => [s[2], s[1]!.trim()]);
      expect(scripts, page).toEqual([
        ['wake.js', ''],
        [classicPageScript(page), 'defer'],
      ]);
      expect(html, page).not.toMatch(/modulepreload|type="module"/);
      const code = b().read(classicPageScript(page));
      expect(code, page).not.toMatch(/(^|[;}\s])import\s*[{('"*]|\bimport\(|export\s*\{/);
      expect(code, page).toContain('kbl-search');
    }
  });

  it('bundles webextension-polyfill as an ES module, without the CommonJS interop that copies its exports', () => {
    // Where the browser has a native `browser`, the polyfill exports it, and the interop's copy
    // reads every API on it: the browser builds all their bindings before our code runs
    // (build-config/polyfill-module.ts).
    const scripts = b().files.filter((f) => f.endsWith('.js'));
    const withPolyfill = scripts.filter((f) => b().read(f).includes('webextension-polyfill'));
    expect(withPolyfill).toContain(CONTENT_SCRIPT);
    expect(withPolyfill.length).toBeGreaterThan(1);
    for (const f of scripts) expect(b().read(f), f).not.toMatch(/getOwnPropertyNames|__esModule/);
  });

  it('has no source maps and no Vite manifest', () => {
    expect(b().files.filter((f) => f.endsWith('.map') || f.startsWith('.vite'))).toEqual([]);
  });
});

describe('Firefox manifest', () => {
  it('has the Firefox shape: event page, sidebar, gecko settings, no Chrome-only keys', () => {
    const m = built.firefox!.manifest;
    expect(m.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(m.side_panel).toBeUndefined();
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(existsSync(join(built.firefox!.dir, '_locales/en/messages.json'))).toBe(true);
  });
});
