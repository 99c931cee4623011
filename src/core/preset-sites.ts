declare const __KBLENS_SITES__: string[] | undefined;

/** Sites a team built its package for (KBLENS_SITES at build time): in host_permissions, on from install. */
export const PRESET_SITES: readonly string[] = typeof __KBLENS_SITES__ === 'undefined' ? [] : __KBLENS_SITES__;
