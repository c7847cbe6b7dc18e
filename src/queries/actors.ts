// Actors: states, people, organisations and armed forces, with the events they took part in.
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import { actors, eventActors, events } from '../db/schema/index.js';
import { dateSpan, groupBy, inOrder } from './mappers.js';

const affiliation = alias(actors, 'affiliation');

export function createActorQueries(db: Db) {
  const base = () =>
    db
      .select({
        id: actors.id,
        kind: actors.kind,
        name: actors.name,
        description: actors.description,
        affiliationId: affiliation.id,
        affiliationName: affiliation.name,
      })
      .from(actors)
      .leftJoin(affiliation, eq(affiliation.id, actors.affiliationId));

  type Row = ReturnType<ReturnType<typeof base>['all']>[number];
  const toActor = (r: Row) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    affiliation: r.affiliationId ? { id: r.affiliationId, name: r.affiliationName ?? '' } : null,
  });

  return {
    listActors() {
      return base().orderBy(asc(actors.id)).all().map(toActor);
    },
    actorsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(
        base()
          .where(inArray(actors.id, ids as string[]))
          .all()
          .map((r) => [r.id, toActor(r)]),
      );
      return ids.map((id) => index.get(id) ?? null);
    },
    eventsForActors(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = db
        .select({ actorId: eventActors.actorId, role: eventActors.role, event: events })
        .from(eventActors)
        .innerJoin(events, eq(events.id, eventActors.eventId))
        .where(inArray(eventActors.actorId, ids as string[]))
        .orderBy(asc(events.startDate), asc(events.seq))
        .all();
      return inOrder(
        ids,
        groupBy(rows, (r) => r.actorId),
      ).map((list) =>
        list.map((r) => ({
          id: r.event.id,
          kind: r.event.kind,
          title: r.event.title,
          date: dateSpan(r.event),
          role: r.role,
        })),
      );
    },
  };
}
