import { fileURLToPath } from 'node:url';

/** The real archive, beside the checkout; tests that need it skip where it is absent. */
export const REAL_CORPUS = fileURLToPath(new URL('../../../shared/corpus/kbarchive.tar.gz', import.meta.url));
