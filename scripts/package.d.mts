// Types for scripts/package.mjs (plain Node, run without a build step), so tests can import it.
export interface ZipInput {
  name: string;
  data: Uint8Array;
}
export function crc32(data: Uint8Array): number;
export function zip(files: ZipInput[]): Buffer;
export function excludedBecause(name: string): string | null;
export function collectFiles(dir: string): { files: ZipInput[]; skipped: { name: string; why: string }[] };
export function checkBuild(dir: string, target: 'chrome' | 'firefox', version: string): Record<string, unknown>;
export function packageBuild(opts: { dir: string; target: 'chrome' | 'firefox'; version: string; out: string }): {
  file: string;
  size: number;
  unpacked: number;
  entries: number;
  skipped: { name: string; why: string }[];
};
