/**
 * Words after a number that make it a count or a measure ("419 records", "371 ms", "1200 EUR",
 * "50 mailboxes"): it says how many or how much, not which case or which version, whatever word
 * stands before it.
 */
export const COUNT_WORDS: ReadonlySet<string> = new Set(
  (
    'ms msec sec secs seconds min mins minutes hours hrs days weeks months years times ' +
    'bytes kb mb gb tb kbps mbps hz khz mhz ghz dpi pt px eur usd gbp dollars euros percent of per ' +
    'records rows items files folders messages mails mailboxes users people persons clients pcs computers ' +
    'machines workstations seats licenses licences pages copies entries lines characters chars words objects ' +
    'tables sessions connections jobs tasks steps attempts tries'
  ).split(' '),
);
