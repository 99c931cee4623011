// The content script is built as one classic (IIFE) file and registered at run time, per site
// the agent turns on, instead of a manifest entry on every site: no host access at install, and no
// web-accessible loader chunk that pages could probe to fingerprint the extension.
import contentScript from '../content/index.ts?script&iife';

export const CONTENT_SCRIPT_FILE: string = contentScript;
