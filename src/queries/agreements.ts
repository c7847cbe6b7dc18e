// Agreements with their signatories, provisions and the places they affected.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  actors,
  agreementPlaces,
  agreementProvisions,
  agreementSignatories,
  agreements,
  places,
} from '../db/schema/index.js';
import type { Citation } from './citations.js';
import { groupBy } from './mappers.js';

type Row = typeof agreements.$inferSelect;

export function createAgreementQueries(
  db: Db,
  provisionCitations: (ids: readonly number[]) => Map<number, Citation[]>,
) {
  function toAgreements(rows: Row[]) {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const signatories = groupBy(
      db
        .select({
          agreementId: agreementSignatories.agreementId,
          actor_id: actors.id,
          name: actors.name,
          office: agreementSignatories.office,
        })
        .from(agreementSignatories)
        .innerJoin(actors, eq(actors.id, agreementSignatories.actorId))
        .where(inArray(agreementSignatories.agreementId, ids))
        .orderBy(asc(agreementSignatories.position))
        .all(),
      (r) => r.agreementId,
    );
    const provisionRows = db
      .select()
      .from(agreementProvisions)
      .where(inArray(agreementProvisions.agreementId, ids))
      .orderBy(asc(agreementProvisions.point))
      .all();
    const cites = provisionCitations(provisionRows.map((p) => p.id));
    const provisions = groupBy(provisionRows, (r) => r.agreementId);
    const affected = groupBy(
      db
        .select({
          agreementId: agreementPlaces.agreementId,
          slug: places.slug,
          name: places.name,
          effect: agreementPlaces.effect,
          due_on: agreementPlaces.dueOn,
          effective_on: agreementPlaces.effectiveOn,
          note: agreementPlaces.note,
        })
        .from(agreementPlaces)
        .innerJoin(places, eq(places.slug, agreementPlaces.placeSlug))
        .where(inArray(agreementPlaces.agreementId, ids))
        .orderBy(asc(agreementPlaces.dueOn), asc(places.seq))
        .all(),
      (r) => r.agreementId,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      short_title: r.shortTitle,
      kind: r.kind,
      signed_on: r.signedOn,
      signed_date_text: r.signedDateText,
      status: r.status,
      event_id: r.eventId,
      note: r.note,
      signatories: (signatories.get(r.id) ?? []).map(({ agreementId: _, ...s }) => s),
      provisions: (provisions.get(r.id) ?? []).map((p) => ({
        point: p.point,
        text: p.text,
        citations: cites.get(p.id) ?? [],
      })),
      places: (affected.get(r.id) ?? []).map(({ agreementId: _, ...p }) => p),
    }));
  }
  return {
    listAgreements() {
      return toAgreements(db.select().from(agreements).orderBy(asc(agreements.signedOn), asc(agreements.id)).all());
    },
    agreementsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const found = toAgreements(
        db
          .select()
          .from(agreements)
          .where(inArray(agreements.id, ids as string[]))
          .all(),
      );
      const index = new Map(found.map((a) => [a.id, a]));
      return ids.map((id) => index.get(id) ?? null);
    },
  };
}
