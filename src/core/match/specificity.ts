/**
 * How specific a message must be, in informative characters (pattern.ts informativeChars): shared
 * by the build-time compiler and the run-time scan and ranking, apart from the compiler so the
 * scan does not carry it.
 */

/** About 30 informative characters make a message fully specific (weight 1). */
export const FULL_CHARS = 30;
/**
 * About 14 make it specific enough to name an article alone ("Access is denied." has 6): less
 * ranks nothing on its own, so it is not a soft-slot frame, a sentence cut from a longer message,
 * or a highlight of its own.
 */
export const SPECIFIC_CHARS = 14;
export const SPECIFIC_WEIGHT = SPECIFIC_CHARS / FULL_CHARS;
