/** The bundled index as the bench reads it: straight from its directory on disk. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord } from '../src/core/article/types';
import { RecordFile, type RecordColumns, type RecordDictionary } from '../src/core/index/record-columns';
import {
  DETECT_FILE,
  DICTIONARY_FILE,
  MANIFEST_FILE,
  RECORDS_PER_FILE,
  recordsFile,
  titlesFile,
  type IndexManifest,
} from '../src/core/index/layout';
import type { DetectorData } from '../src/core/match';

export function hasIndex(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE));
}

export function readManifest(dir: string): IndexManifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
}

/** A file's text; for a file the builder wrote in parts, the parts merged back into one JSON text. */
export function readText(dir: string, path: string): string {
  const parts = existsSync(join(dir, MANIFEST_FILE)) ? readManifest(dir).parts?.[path] : undefined;
  if (!parts) return readFileSync(join(dir, path), 'utf8');
  return JSON.stringify(
    Object.assign({}, ...parts.map((p) => JSON.parse(readFileSync(join(dir, p), 'utf8')) as object)),
  );
}

export function readDetectorData(dir: string): DetectorData {
  return JSON.parse(readText(dir, DETECT_FILE)) as DetectorData;
}

/** Every record of every records file, in Q-number order. */
export function readAllRecords(dir: string): ArticleRecord[] {
  const manifest = readManifest(dir);
  const dict = JSON.parse(readText(dir, DICTIONARY_FILE)) as RecordDictionary;
  const titles: string[] = [];
  for (let n = 0; n < manifest.titleFiles; n++) titles.push(...(JSON.parse(readText(dir, titlesFile(n))) as string[]));
  const out: ArticleRecord[] = [];
  manifest.recordFiles.forEach((_, n) => {
    const first = n * RECORDS_PER_FILE;
    const file = new RecordFile(
      JSON.parse(readText(dir, recordsFile(n))) as RecordColumns,
      dict,
      titles.slice(first, first + RECORDS_PER_FILE),
    );
    for (let i = 0; i < file.size; i++) out.push(file.at(i));
  });
  return out;
}

/** Every file under dir, as paths relative to it ("records/227.json"), sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Newest modification time (ms) of any file under dir, 0 when it does not exist. */
export function newestMtime(dir: string, skip: (name: string) => boolean = () => false): number {
  if (!existsSync(dir)) return 0;
  const st = statSync(dir);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (skip(name)) continue;
    newest = Math.max(newest, newestMtime(join(dir, name), skip));
  }
  return newest;
}
