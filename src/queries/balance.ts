// The balance report (README, "Balance"): for each people, how many events, statistics and claims concern it, and
// the sources by origin. One function answers /v1/meta, GraphQL `meta`, `npm run balance` and the README table.
import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { claims, events, sources, statistics } from '../db/schema/index.js';
import { SOURCE_ORIGINS } from '../schemas/enums.js';
import { prepareRows } from './prepared.js';

/** Counts of one kind of record: those that concern each people, and those that concern neither. */
const tally = (az: SQLWrapper, am: SQLWrapper) => ({
  azerbaijanis: sql<number>`coalesce(sum(${az}), 0)`,
  armenians: sql<number>`coalesce(sum(${am}), 0)`,
  neither: sql<number>`coalesce(sum(coalesce(${az}, 0) = 0 AND coalesce(${am}, 0) = 0), 0)`,
});

export function createBalanceQueries(db: Db) {
  const eventCounts = prepareRows(db.select(tally(events.concernsAzerbaijanis, events.concernsArmenians)).from(events));
  const statisticCounts = prepareRows(
    db.select(tally(statistics.concernsAzerbaijanis, statistics.concernsArmenians)).from(statistics),
  );
  // A claim concerns what its event concerns; a claim about no event concerns neither people.
  const claimCounts = prepareRows(
    db
      .select(tally(events.concernsAzerbaijanis, events.concernsArmenians))
      .from(claims)
      .leftJoin(events, eq(events.id, claims.eventId)),
  );
  const byOrigin = prepareRows(
    db
      .select({ origin: sources.origin, count: sql<number>`count(*)` })
      .from(sources)
      .groupBy(sources.origin),
  );

  return {
    /** The report; the dataset never changes under a running server, so callers may keep it. */
    balance() {
      const [ev, st, cl] = [eventCounts.get(), statisticCounts.get(), claimCounts.get()];
      const row = (key: 'azerbaijanis' | 'armenians' | 'neither') => ({
        events: ev?.[key] ?? 0,
        statistics: st?.[key] ?? 0,
        claims: cl?.[key] ?? 0,
      });
      const origins = new Map(byOrigin.all().map((r) => [r.origin, r.count]));
      return {
        concerns: { azerbaijanis: row('azerbaijanis'), armenians: row('armenians'), neither: row('neither') },
        sources_by_origin: Object.fromEntries(SOURCE_ORIGINS.map((o) => [o, origins.get(o) ?? 0])) as Record<
          (typeof SOURCE_ORIGINS)[number],
          number
        >,
      };
    },
  };
}

export type Balance = ReturnType<ReturnType<typeof createBalanceQueries>['balance']>;
