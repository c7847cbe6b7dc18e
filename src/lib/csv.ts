// The one CSV encoding of a cell and a file, shared by the paged lists (/v1/*?format=csv) and the downloads, so that
// both say null, true and 3.5 alike: null and absent values are empty cells, booleans are true/false.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null;

/** Rows under a header row, as csv-stringify writes them (RFC 4180 quoting, `\n` between records). */
export function stringifyCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows as CsvCell[][], {
    header: true,
    columns: [...header],
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}
