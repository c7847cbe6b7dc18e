// Calendar-checked ISO dates: a regex alone would let 2020-02-30 through.
import { z } from 'zod';

/** The one rule for years in dates the API reads: four digits, 0001–9999 (ISO 8601 without its expansions). */
export const YEAR_RULE = 'must have a year from 0001 to 9999';

/** A UTC date for y-m-d that, unlike Date.UTC, reads years 0–99 as themselves rather than as 1900–1999. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcDate(y, mo, d);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Why a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value is not a real date (year 0000, month 13, 30 February), or null when
 * it is one. Every date parameter and every date in the seed data is judged by this one rule.
 */
export function calendarIssue(value: string): string | null {
  if (Number(value.slice(0, 4)) < 1) return YEAR_RULE;
  if (value.length === 4) return null;
  const month = Number(value.slice(5, 7));
  if (month < 1 || month > 12) return 'is not a real calendar date';
  if (value.length === 7) return null;
  return isRealIsoDate(value) ? null : 'is not a real calendar date';
}

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .superRefine((v, ctx) => {
    // A value that is not even shaped like a date was reported by the regex already.
    const issue = /^\d{4}-\d{2}-\d{2}$/.test(v) ? calendarIssue(v) : null;
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  });

/** Days in a month, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

/**
 * The ISO date `days` after (or before) `date`, clamped to years 0000–9999. Computed here rather than by SQLite's
 * date(), so a query can hand SQLite one plain bound: given two lower bounds, SQLite starts its index range at
 * only one of them, and it cannot tell which is the later when one is an expression.
 */
export function shiftIsoDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  shifted.setUTCFullYear(y, m - 1, d + days);
  const year = shifted.getUTCFullYear();
  if (year < 0) return '0000-01-01';
  if (year > 9999) return '9999-12-31';
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}
