/**
 * Whether a message is named by a number: a code or a numbered error. Used at build time (which
 * pieces stand alone) and at run time (advice.ts), so it imports nothing of the pattern compiler.
 */
import { findCodes } from './ndr-codes';

/** "System error 10049", "Error 1053:": a numbered error is as specific as a code (never a soft slot either). */
const ERROR_NUMBER = /\berror[ \t]{1,2}(?:code[ \t]{0,2})?[:=#]?[ \t]{0,2}\d{3,6}(?![\w.]|\.\d)/i;

/** A code or a numbered error identifies a message whatever its words. */
export function identifiedByNumber(text: string): boolean {
  return ERROR_NUMBER.test(text) || findCodes(text, 1).length > 0;
}
