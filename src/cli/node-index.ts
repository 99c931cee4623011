import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { KbIndex } from '../core/index/kb-index';
import { MANIFEST_FILE } from '../core/index/layout';

/**
 * The index the CLI reads: --index, else $KBLENS_INDEX, else the one bundled with the
 * extension (public/index beside the built CLI in build/cli/).
 */
export function indexDir(option: string | undefined): string {
  if (option) return resolve(option);
  if (process.env.KBLENS_INDEX) return resolve(process.env.KBLENS_INDEX);
  return fileURLToPath(new URL('../../public/index', import.meta.url));
}

export function openIndex(option: string | undefined): KbIndex {
  const dir = indexDir(option);
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    throw new Error(`no index at ${dir} (build one with: kblens build-index --corpus <archive> --out ${dir})`);
  }
  return new KbIndex({ readText: (path) => readFile(join(dir, path), 'utf8') });
}
