import { packagedIndexFiles } from '../storage/packaged-index';

/**
 * The bundled index's files as the worker reads them (storage/packaged-index.ts). Apart from the
 * index that decodes them (bundled-index.ts), so that a worker start can ask for them before it
 * evaluates any service.
 */
export const indexFiles = packagedIndexFiles('read-write');
