/**
 * Dates as the archive writes them ("30-SEP-1999", "7-JAN-2000") turned into ISO "1999-09-30".
 */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** ISO date, or null when the value is not a real `D-MON-YYYY` date. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(\d{1,2})[-\s]([A-Za-z]{3})[A-Za-z]*[-\s,]*(\d{4})\s*$/.exec(value);
  if (!m) {
    const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(value);
    return iso && valid(+iso[1]!, +iso[2]!, +iso[3]!) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  const day = Number(m[1]);
  const month = MONTHS[m[2]!.toLowerCase()];
  const year = Number(m[3]);
  if (!month || !valid(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function valid(year: number, month: number, day: number): boolean {
  if (year < 1980 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}
