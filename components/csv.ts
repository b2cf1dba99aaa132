// CSV as spreadsheets read it: every field quoted, quotes doubled, and a field a spreadsheet would
// take for a formula (=, +, -, @) kept as text, so an exported record cannot run anything.
const FORMULA = /^[=+\-@\t\r]/;

const field = (value: string) => `"${(FORMULA.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`;

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
