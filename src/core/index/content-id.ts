/**
 * The identity of an index's content: a hash of every file's path and text. A reader that keeps
 * copies of the files (the extension's mirror in IndexedDB) compares it with the package's to
 * know its copies are of this very index, whatever version number the package carries. Not
 * cryptographic: it tells builds apart, it defends against nothing.
 */
export function contentId(files: ReadonlyMap<string, string>): string {
  // Two 32-bit FNV-1a-style streams with different multipliers, and the total length.
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let length = 0;
  for (const path of [...files.keys()].sort()) {
    for (const s of [path, '\0', files.get(path)!, '\0']) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
      }
      length += s.length;
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${length.toString(36)}`;
}
