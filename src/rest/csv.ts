// Lists as CSV, one row per item: nested objects become dotted columns, lists of records their ids joined by "|".
import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | null;

function flatten(value: unknown, prefix: string, out: Map<string, Cell>): void {
  if (value === null || value === undefined) {
    out.set(prefix, null);
  } else if (Array.isArray(value)) {
    out.set(
      prefix,
      value
        .map((v) => {
          if (v && typeof v === 'object') {
            const r = v as Record<string, unknown>;
            return String(r.slug ?? r.id ?? r.actor_id ?? r.name ?? r.point ?? JSON.stringify(v));
          }
          return String(v);
        })
        .join('|'),
    );
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value as Cell);
  }
}

export function toCsv(items: readonly unknown[]): string {
  const rows = items.map((item) => {
    const row = new Map<string, Cell>();
    flatten(item, '', row);
    return row;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of row.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return stringify(
    rows.map((row) => columns.map((c) => row.get(c) ?? null)),
    { header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } },
  );
}
