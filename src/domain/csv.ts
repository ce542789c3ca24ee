// CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, a quote or a line
// break, quotes doubled, lines ended by CRLF. A UTF-8 byte-order mark first, so that Excel opens
// Cyrillic as Cyrillic. A text cell that starts like a formula is defused with a leading quote
// (spreadsheet formula injection); phone numbers and signed numbers are left as they are.
export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

function defuse(s: string): string {
  if (/^[=@\t\r]/.test(s)) return `'${s}`;
  if (/^[+-]/.test(s) && !/^[+-][\d\s().-]*$/.test(s)) return `'${s}`;
  return s;
}

/** One field, quoted when it must be. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? defuse(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: a header row, then the rows; with the byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
