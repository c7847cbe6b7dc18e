// Agreements with their signatories, provisions and the places they affected.
import { asc, eq } from 'drizzle-orm';
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
import { groupBy, recordUrl } from './mappers.js';
import { inKeys, keyList, prepareRows } from './prepared.js';

const agreementColumns = {
  id: agreements.id,
  title: agreements.title,
  shortTitle: agreements.shortTitle,
  kind: agreements.kind,
  signedOn: agreements.signedOn,
  signedDateText: agreements.signedDateText,
  status: agreements.status,
  eventId: agreements.eventId,
  note: agreements.note,
};

export function createAgreementQueries(
  db: Db,
  provisionCitations: (ids: readonly number[]) => Map<number, Citation[]>,
) {
  const all = prepareRows(
    db.select(agreementColumns).from(agreements).orderBy(asc(agreements.signedOn), asc(agreements.id)),
  );
  const byIds = prepareRows(db.select(agreementColumns).from(agreements).where(inKeys(agreements.id)));
  const signatoriesOf = prepareRows(
    db
      .select({
        agreementId: agreementSignatories.agreementId,
        actorId: actors.id,
        name: actors.name,
        office: agreementSignatories.office,
      })
      .from(agreementSignatories)
      .innerJoin(actors, eq(actors.id, agreementSignatories.actorId))
      .where(inKeys(agreementSignatories.agreementId))
      .orderBy(asc(agreementSignatories.position)),
  );
  const provisionsOf = prepareRows(
    db
      .select({
        id: agreementProvisions.id,
        agreementId: agreementProvisions.agreementId,
        point: agreementProvisions.point,
        text: agreementProvisions.text,
      })
      .from(agreementProvisions)
      .where(inKeys(agreementProvisions.agreementId))
      .orderBy(asc(agreementProvisions.point)),
  );
  const placesOf = prepareRows(
    db
      .select({
        agreementId: agreementPlaces.agreementId,
        slug: places.slug,
        name: places.name,
        effect: agreementPlaces.effect,
        dueOn: agreementPlaces.dueOn,
        effectiveOn: agreementPlaces.effectiveOn,
        note: agreementPlaces.note,
      })
      .from(agreementPlaces)
      .innerJoin(places, eq(places.slug, agreementPlaces.placeSlug))
      .where(inKeys(agreementPlaces.agreementId))
      .orderBy(asc(agreementPlaces.dueOn), asc(places.seq)),
  );

  type Row = ReturnType<typeof all.all>[number];

  function toAgreements(rows: Row[]) {
    if (rows.length === 0) return [];
    const keys = { keys: keyList(rows.map((r) => r.id)) };
    const signatories = groupBy(signatoriesOf.all(keys), (r) => r.agreementId);
    const provisionRows = provisionsOf.all(keys);
    const cites = provisionCitations(provisionRows.map((p) => p.id));
    const provisions = groupBy(provisionRows, (r) => r.agreementId);
    const affected = groupBy(placesOf.all(keys), (r) => r.agreementId);
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
      signatories: (signatories.get(r.id) ?? []).map((s) => ({
        actor_id: s.actorId,
        name: s.name,
        office: s.office,
        url: recordUrl('actor', s.actorId),
      })),
      provisions: (provisions.get(r.id) ?? []).map((p) => ({
        point: p.point,
        text: p.text,
        citations: cites.get(p.id) ?? [],
      })),
      places: (affected.get(r.id) ?? []).map((p) => ({
        slug: p.slug,
        name: p.name,
        effect: p.effect,
        due_on: p.dueOn,
        effective_on: p.effectiveOn,
        note: p.note,
        url: recordUrl('place', p.slug),
      })),
      url: recordUrl('agreement', r.id),
    }));
  }
  return {
    listAgreements() {
      return toAgreements(all.all());
    },
    agreementsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const index = new Map(toAgreements(byIds.all({ keys: keyList(ids) })).map((a) => [a.id, a]));
      return ids.map((id) => index.get(id) ?? null);
    },
  };
}
