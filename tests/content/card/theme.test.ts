import { describe, it, expect } from 'vitest';
import { chooseTheme, pageIsDark, parseColor } from '../../../src/content/card/theme';

describe('card theme', () => {
  it('reads the colour forms getComputedStyle returns', () => {
    expect(parseColor('rgb(17, 24, 39)')).toEqual([17, 24, 39, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseColor('#1e293b')).toEqual([30, 41, 59, 1]);
    expect(parseColor('canvas')).toBeNull();
  });

  it('follows the page background when it paints one, else the OS preference', () => {
    expect(pageIsDark(['rgba(0, 0, 0, 0)', 'rgb(17, 24, 39)'])).toBe(true);
    expect(pageIsDark(['rgb(255, 255, 255)'])).toBe(false);
    expect(pageIsDark(['rgba(0, 0, 0, 0)', 'transparent'])).toBeNull();
    expect(chooseTheme(true, false)).toBe('dark');
    expect(chooseTheme(false, true)).toBe('light');
    expect(chooseTheme(null, true)).toBe('dark');
    expect(chooseTheme(null, false)).toBe('light');
  });
});
