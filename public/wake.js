// The popup's and side panel's first script, run while the page is parsed, before its modules are
// fetched. Any request starts the extension's worker, and a stopped worker takes longer to start
// and load its index than the page takes to render: asked now, it starts alongside the page, not
// after it (the page's first request is sent once it has rendered). A plain script on purpose: a
// module would run only once the page's whole module graph has been fetched. Its answer is not
// needed; the page asks for the index status itself.
(globalThis.browser ?? globalThis.chrome)?.runtime?.sendMessage({ type: 'index-status' })?.catch?.(() => {});
