import type { Plugin } from 'vite';
import { keepDeclaredWebAccessibleResources } from './manifest';

type Manifest = Parameters<typeof keepDeclaredWebAccessibleResources>[0];

/**
 * Runs last among CRXJS's manifest hooks (enforce: 'post', listed after crx()), so it sees the
 * web_accessible_resources CRXJS added and can take back the ones we never asked for.
 * `renderCrxManifest` is CRXJS's hook for plugins; Vite itself ignores it.
 */
export function finalManifest(source: object): Plugin {
  return {
    name: 'kblens:final-manifest',
    enforce: 'post',
    renderCrxManifest(manifest: Manifest) {
      return keepDeclaredWebAccessibleResources(manifest, source);
    },
  } as Plugin;
}
