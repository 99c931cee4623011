// The popup's and side panel's first script, run while the page is parsed, before its modules are
// fetched. Any request starts the extension's worker, and a stopped worker takes longer to start
// and load its index than the page takes to render: asked now, it starts alongside the page, not
// after it (the page's first request is sent once it has rendered). A plain script on purpose: a
// module would run only once the page's whole module graph has been fetched. Its answers are not
// needed; the page asks for the index status and its summary itself. In a function: a classic
// script's top-level names would be shared with the page's own script.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  api?.runtime?.sendMessage({ type: 'index-status' })?.catch?.(() => {});

  // The page summary is the first thing the page shows: asked for now, the worker builds it while
  // the page renders, and the page's own request for the same tab joins it (summary-service.ts).
  // The tab is the page's (src/popup/main.tsx): popup.html?tab=N, none for a lookup window
  // (?search=), otherwise the active tab of this window.
  const params = new URLSearchParams(location.search);
  const fixed = params.get('tab');
  const tabId =
    fixed !== null && /^\d+$/.test(fixed)
      ? Promise.resolve(Number(fixed))
      : params.has('search')
        ? Promise.resolve(undefined)
        : Promise.resolve(api?.tabs?.query({ active: true, currentWindow: true })).then((tabs) => tabs?.[0]?.id);
  tabId
    .then((id) => (id === undefined ? undefined : api.runtime.sendMessage({ type: 'tab-summary', tabId: id })))
    .catch(() => {});
})();
