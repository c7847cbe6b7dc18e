// A deterministic synthetic dataset (seeded random) of N events spread over places and years, for growth benchmarks.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_DIR } from '../src/paths.js';

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['occupation', 'capture', 'handover', 'negotiation', 'ceasefire', 'observance', 'military_operation'];
const DAY = 86_400_000;

export function buildSyntheticDatabase(path: string, events: number, seed = 27): void {
  rmSync(path, { force: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
  const rand = random(seed);
  const places = 50;
  const from = Date.UTC(1900, 0, 1);
  const span = Date.UTC(2025, 11, 31) - from;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        "INSERT INTO sources (id, kind, title, origin, language) VALUES ('synthetic', 'reference', 'Synthetic data', 'other', 'en')",
      )
      .run();
    const place = sqlite.prepare('INSERT INTO places (slug, seq, kind, name, parent_slug) VALUES (?, ?, ?, ?, ?)');
    place.run('region', 1, 'region', 'Region', null);
    for (let p = 1; p <= places; p++) place.run(`place-${p}`, p + 1, 'district', `Place ${p}`, 'region');
    const event = sqlite.prepare(
      // Synthetic events concern neither people: the balance columns are required, and nothing here reads them.
      `INSERT INTO events (id, seq, kind, title, summary, concerns_azerbaijanis, concerns_armenians, start_date,
         end_date, precision, date_text, edtf, month_day)
       VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)`,
    );
    const link = sqlite.prepare("INSERT INTO event_places (event_id, place_slug, role) VALUES (?, ?, 'location')");
    for (let i = 1; i <= events; i++) {
      const start = from + Math.floor(rand() * span);
      // Most events are single days; some last weeks; a few last up to two years.
      const r = rand();
      const days = r < 0.8 ? 0 : r < 0.98 ? Math.floor(rand() * 60) : Math.floor(rand() * 730);
      const startDate = new Date(start).toISOString().slice(0, 10);
      const endDate = new Date(start + days * DAY).toISOString().slice(0, 10);
      const id = `event-${i}`;
      event.run(
        id,
        i,
        KINDS[i % KINDS.length],
        `Synthetic event ${i}`,
        `A generated event for benchmarks (${i}).`,
        startDate,
        endDate,
        'day',
        startDate,
        days ? `${startDate}/${endDate}` : startDate,
        days ? null : startDate.slice(5),
      );
      link.run(id, `place-${1 + Math.floor(rand() * places)}`);
    }
    sqlite
      .prepare(
        "INSERT INTO dataset (id, version, sha256, counts, built_at, licence) VALUES (1, ?, 'synthetic', ?, '1970-01-01T00:00:00Z', 'synthetic')",
      )
      .run(`synthetic-${events}`, JSON.stringify({ events }));
  })();
  sqlite.exec('ANALYZE');
  sqlite.close();
}
