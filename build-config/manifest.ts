/**
 * Turns the Chrome manifest (manifest.json, the source of truth) into what one build ships:
 * the package version, the sites a team preconfigured with KBLENS_SITES, and the Firefox
 * differences. Pure, so the manifest rules are unit-tested without running Vite.
 */
export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'kblens@kblens.invalid';
/** Firefox 149 is the first with the CSS Custom Highlight API, which the content script needs. */
export const FIREFOX_MIN_VERSION = '149.0';

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; type?: string };
  permissions: string[];
};

/** "https://acme.zendesk.com/*,http://127.0.0.1/*" -> valid match patterns, or an error naming the bad one. */
export function parseSites(value: string | undefined): string[] {
  if (!value) return [];
  const sites = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const site of sites) {
    if (!/^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/.test(site)) {
      throw new Error(`KBLENS_SITES: "${site}" is not a match pattern like https://acme.zendesk.com/*`);
    }
  }
  return [...new Set(sites)];
}

export function makeManifest(
  source: Manifest,
  opts: { target: Target; version: string; sites: string[] },
): Record<string, unknown> {
  const m: Record<string, unknown> = structuredClone(source);
  m.version = opts.version;
  if (opts.sites.length) m.host_permissions = opts.sites;
  if (opts.target === 'chrome') return m;

  // Firefox: an event page instead of a service worker, a sidebar instead of Chrome's side panel.
  const { service_worker, ...background } = source.background;
  m.background = { ...background, scripts: [service_worker] };
  m.permissions = source.permissions.filter((p) => p !== 'sidePanel');
  const sidePanel = m.side_panel as { default_path: string } | undefined;
  delete m.side_panel;
  if (sidePanel) {
    m.sidebar_action = {
      default_panel: sidePanel.default_path,
      default_title: '__MSG_extName__',
      open_at_install: false,
    };
  }
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
  };
  return m;
}

type WebAccessibleResource = {
  resources: string[];
  matches?: string[];
  extension_ids?: string[];
  use_dynamic_url?: boolean;
};

/**
 * CRXJS lists every `?script` import in web_accessible_resources for all http(s) pages, for
 * loaders that import() the chunk from the page. Ours is a classic IIFE that the scripting API
 * injects by file name, which needs no web access: an entry would only let any page fetch
 * `chrome-extension://<id>/src/content/index.js` and so detect KB Lens. Keep only the entries the
 * source manifest declares itself.
 */
export function keepDeclaredWebAccessibleResources<M extends { web_accessible_resources?: WebAccessibleResource[] }>(
  built: M,
  source: object,
): M {
  const declaredWar = (source as { web_accessible_resources?: WebAccessibleResource[] }).web_accessible_resources ?? [];
  const declared = new Set(declaredWar.flatMap((r) => r.resources));
  const kept = (built.web_accessible_resources ?? [])
    .map((r) => ({ ...r, resources: r.resources.filter((res) => declared.has(res)) }))
    .filter((r) => r.resources.length > 0);
  const out = { ...built };
  if (kept.length) out.web_accessible_resources = kept;
  else delete out.web_accessible_resources;
  return out;
}
