// The content scripts are built as classic (IIFE) files and registered or injected at run time, per
// site the agent turns on, instead of a manifest entry on every site: no host access at install, and
// no web-accessible loader chunk that pages could probe to fingerprint the extension.
import bootstrap from '../content/bootstrap.ts?script&iife';
import lens from '../content/index.ts?script&iife';
export { HIGHLIGHT_CSS_FILE } from '../core/highlight-style';

/** Registered on every page of a site that is on: a small probe that finds out whether there is anything to show. */
export const CONTENT_SCRIPT_FILE: string = bootstrap;
/** The full lens (highlights, hover card, keyboard), injected into a frame once the probe finds a match there. */
export const LENS_SCRIPT_FILE: string = lens;
