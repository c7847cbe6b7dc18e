// Actors: states, people, organisations and armed forces, with the events they took part in.
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import { actors, eventActors, events } from '../db/schema/index.js';
import { eventRefColumns } from './events.js';
import { dateSpan, groupBy, inOrder, recordUrl } from './mappers.js';
import { inKeys, keyList, prepareRows } from './prepared.js';

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
  const all = prepareRows(base().orderBy(asc(actors.id)));
  const byIds = prepareRows(base().where(inKeys(actors.id)));
  const eventsOf = prepareRows(
    db
      .select({
        actorId: eventActors.actorId,
        role: eventActors.role,
        ...eventRefColumns,
      })
      .from(eventActors)
      .innerJoin(events, eq(events.id, eventActors.eventId))
      .where(inKeys(eventActors.actorId))
      .orderBy(asc(events.startDate), asc(events.seq)),
  );

  type Row = ReturnType<typeof all.all>[number];
  const toActor = (r: Row) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    affiliation: r.affiliationId
      ? { id: r.affiliationId, name: r.affiliationName ?? '', url: recordUrl('actor', r.affiliationId) }
      : null,
    url: recordUrl('actor', r.id),
  });

  return {
    listActors() {
      return all.all().map(toActor);
    },
    actorsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(byIds.all({ keys: keyList(ids) }).map((r) => [r.id, toActor(r)]));
      return ids.map((id) => index.get(id) ?? null);
    },
    eventsForActors(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return inOrder(
        ids,
        groupBy(eventsOf.all({ keys: keyList(ids) }), (r) => r.actorId),
      ).map((list) =>
        list.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          date: dateSpan(r),
          role: r.role,
          url: recordUrl('event', r.id),
        })),
      );
    },
  };
}
