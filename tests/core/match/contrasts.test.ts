import { describe, expect, it } from 'vitest';
import { contradicts } from '../../../src/core/match/contrasts';

describe('a title that says another of a kind the ticket names', () => {
  it('contradicts the ticket', () => {
    expect(contradicts(['weekly', 'calendar', 'print'], 'Daily Calendar Prints Blank Pages')).toBe(true);
    expect(contradicts(['landscape', 'page'], 'Portrait Pages Print Cut Off')).toBe(true);
  });

  it('does not when the ticket names the same, both, or none of the kind', () => {
    expect(contradicts(['daily', 'calendar'], 'Daily Calendar Prints Blank Pages')).toBe(false);
    expect(contradicts(['portrait', 'landscape', 'duplex'], 'Portrait Pages Print Cut Off')).toBe(false);
    expect(contradicts(['calendar', 'print'], 'Daily Calendar Prints Blank Pages')).toBe(false);
    // The title names both: the ticket's is among them.
    expect(contradicts(['outbound'], 'Inbound Only Connector Tries Outbound')).toBe(false);
  });
});
