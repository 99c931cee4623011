/**
 * The worker's services, each evaluated on its first use. Chrome stops an idle worker and starts
 * it again for the next event; a start evaluates the whole script before any listener runs, and
 * the services' modules (the detector, bounce readers, version tables, ranking, search) build their
 * tables as they are evaluated. Behind these loaders, a worker started for the popup's search
 * evaluates the search and not the scanner, and its first request is answered tens of
 * milliseconds sooner. Each module is evaluated once; a second call returns the same module.
 */
export const scanService = () => import('./scan-service');
export const summaryService = () => import('./summary-service');
export const searchService = () => import('./search-service');
export const customIndex = () => import('./custom-index');
export const indexStatus = () => import('./bundled-index');
export const tabState = () => import('./tab-state');
export const omnibox = () => import('./omnibox');
