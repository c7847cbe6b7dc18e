// The query layer computes date bounds in JavaScript that it used to ask SQLite's date() for: they must agree.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { shiftIsoDate } from '../../src/schemas/dates.js';

const sqlite = new Database(':memory:');
afterAll(() => sqlite.close());
const sqliteDate = sqlite.prepare<[string, string], { d: string }>('SELECT date(?, ?) AS d');

describe('shiftIsoDate', () => {
  it("agrees with SQLite's date(d, 'N days') across leap years, centuries and years below 100", () => {
    const isoDate = fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9990-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3000, max: 3000 }), (date, days) => {
        const expected = sqliteDate.get(date, `${days} days`)?.d ?? null;
        // Outside 0000–9999 SQLite gives a negative year or null; the API's dates clamp there.
        const clamped = expected?.startsWith('-') ? '0000-01-01' : (expected ?? '9999-12-31');
        expect(shiftIsoDate(date, days)).toBe(clamped);
      }),
      { numRuns: 2000 },
    );
  });

  it('clamps to the years 0000–9999 that ISO dates in the API can hold', () => {
    expect(shiftIsoDate('0001-01-01', -400)).toBe('0000-01-01');
    expect(shiftIsoDate('9999-12-01', 60)).toBe('9999-12-31');
    expect(shiftIsoDate('2021-03-01', -1)).toBe('2021-02-28');
    expect(shiftIsoDate('1990-01-01', -730)).toBe('1988-01-02');
  });
});
