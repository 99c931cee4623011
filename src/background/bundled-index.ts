import { KbIndex } from '../core/index/kb-index';
import { indexFiles } from './index-files';

/** The bundled index, decoded from its files (index-files.ts). One instance per service-worker life; it rebuilds lazily after the worker is stopped. */
export const bundledIndex = new KbIndex(indexFiles);
