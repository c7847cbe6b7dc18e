// Writes a validated seed into a fresh SQLite file: migrations, then every row in one transaction, then the checks.
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as t from '../src/db/schema/index.js';
import { concernsColumns } from '../src/db/concerns.js';
import { foldText } from '../src/lib/fold.js';
import { MIGRATIONS_DIR } from '../src/paths.js';
import type { SeedInput } from './load.js';
import { recordHashesOf } from './records.js';
import type { SeedCitation } from './seed-schemas.js';

export const DATASET_LICENCE =
  'Data: CC BY 4.0, with attribution to each cited source. Quotes remain the words of their sources and are reproduced for reference.';

type CitationTarget = Partial<
  Pick<
    typeof t.citations.$inferInsert,
    | 'eventId'
    | 'placeSlug'
    | 'placeNameId'
    | 'actorId'
    | 'agreementId'
    | 'provisionId'
    | 'statisticId'
    | 'claimId'
    | 'observanceId'
  >
> & { recordType: (typeof t.citations.$inferInsert)['recordType'] };

export function datasetVersion(inputSha256: string): string {
  return `1.${inputSha256.slice(0, 12)}`;
}

/** Builds the database at `path`, which must not exist yet. Throws on any failed check. */
export function buildDatabase(path: string, input: SeedInput, builtAt: string): Record<string, number> {
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('foreign_keys = ON');
    const db = drizzle(sqlite, { schema: t });
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });

    const counts: Record<string, number> = {};
    db.transaction((tx) => {
      const citationRows: (typeof t.citations.$inferInsert)[] = [];
      const cite = (list: SeedCitation[], target: CitationTarget) => {
        for (const c of list) {
          const at = input.offsets.get(c) ?? { start: null, end: null };
          citationRows.push({
            sourceId: c.source,
            quote: c.quote ?? null,
            start: at.start,
            end: at.end,
            note: c.note ?? null,
            ...target,
          });
        }
      };
      const searchRows: { type: string; refId: string; title: string; body: string }[] = [];

      for (const s of input.sources) {
        tx.insert(t.sources)
          .values({
            id: s.id,
            kind: s.kind,
            title: s.title,
            publisher: s.publisher,
            origin: s.origin,
            placeOfPublication: s.place_of_publication,
            publishedOn: s.published_on,
            language: s.language,
            url: s.url,
            text: s.text,
            sha256: s.sha256,
            licence: s.licence,
          })
          .run();
      }
      // Actors may name an affiliation defined later in the file: insert all, then link.
      for (const a of input.actors) {
        tx.insert(t.actors).values({ id: a.id, kind: a.kind, name: a.name, description: a.description }).run();
        searchRows.push({ type: 'actor', refId: a.id, title: a.name, body: a.description ?? '' });
        cite(a.citations, { recordType: 'actor', actorId: a.id });
      }
      for (const a of input.actors) {
        if (a.affiliation)
          tx.update(t.actors)
            .set({ affiliationId: a.affiliation })
            .where(sql`${t.actors.id} = ${a.id}`)
            .run();
      }
      input.events.forEach((e, i) => {
        tx.insert(t.events)
          .values({
            id: e.id,
            seq: i + 1,
            kind: e.kind,
            title: e.title,
            summary: e.summary,
            ...concernsColumns(e.concerns),
            startDate: e.date.start,
            endDate: e.date.end,
            precision: e.date.precision,
            dateText: e.date.text,
            edtf: e.date.edtf,
            monthDay: e.date.precision === 'day' && e.date.start === e.date.end ? e.date.start.slice(5) : null,
          })
          .run();
        cite(e.citations, { recordType: 'event', eventId: e.id });
        searchRows.push({ type: 'event', refId: e.id, title: e.title, body: `${e.summary} ${e.date.text}` });
      });
      for (const e of input.events) {
        if (e.parent)
          tx.update(t.events)
            .set({ parentId: e.parent })
            .where(sql`${t.events.id} = ${e.id}`)
            .run();
      }
      input.places.forEach((p, i) => {
        tx.insert(t.places)
          .values({
            slug: p.slug,
            seq: i + 1,
            kind: p.kind,
            name: p.name,
            description: p.description,
            centreName: p.centre_name,
            lat: p.lat,
            lon: p.lon,
            areaKm2: p.area_km2,
            areaNote: p.area_note,
            population: p.population,
            populationYear: p.population_year,
            populationBasis: p.population_basis,
            occupationEventId: p.occupation_event,
            returnEventId: p.return_event,
            note: p.note,
          })
          .run();
        cite(p.citations, { recordType: 'place', placeSlug: p.slug });
      });
      for (const p of input.places) {
        if (p.parent)
          tx.update(t.places)
            .set({ parentSlug: p.parent })
            .where(sql`${t.places.slug} = ${p.slug}`)
            .run();
        for (const n of p.names) {
          const row = tx
            .insert(t.placeNames)
            .values({
              placeSlug: p.slug,
              name: n.name,
              folded: foldText(n.name),
              language: n.language,
              script: n.script,
              kind: n.kind,
              usedBy: n.used_by,
              appliesTo: n.applies_to,
            })
            .returning({ id: t.placeNames.id })
            .get();
          cite(n.citations, { recordType: 'place_name', placeNameId: row.id });
        }
        const names = [...new Set(p.names.map((n) => n.name))].join(' ');
        searchRows.push({
          type: 'place',
          refId: p.slug,
          title: p.name,
          body: `${names} ${p.description ?? ''}`.trim(),
        });
      }
      for (const e of input.events) {
        for (const p of e.places)
          tx.insert(t.eventPlaces).values({ eventId: e.id, placeSlug: p.place, role: p.role }).run();
        for (const a of e.actors)
          tx.insert(t.eventActors).values({ eventId: e.id, actorId: a.actor, role: a.role }).run();
      }
      for (const a of input.agreements) {
        tx.insert(t.agreements)
          .values({
            id: a.id,
            title: a.title,
            shortTitle: a.short_title,
            kind: a.kind,
            signedOn: a.signed_on,
            signedDateText: a.signed_date_text,
            status: a.status,
            eventId: a.event,
            note: a.note,
          })
          .run();
        cite(a.citations, { recordType: 'agreement', agreementId: a.id });
        a.signatories.forEach((s, position) => {
          tx.insert(t.agreementSignatories)
            .values({ agreementId: a.id, actorId: s.actor, office: s.office, position })
            .run();
        });
        for (const p of a.provisions) {
          const row = tx
            .insert(t.agreementProvisions)
            .values({ agreementId: a.id, point: p.point, text: p.text })
            .returning({ id: t.agreementProvisions.id })
            .get();
          cite(p.citations, { recordType: 'provision', provisionId: row.id });
        }
        for (const p of a.places) {
          tx.insert(t.agreementPlaces)
            .values({
              agreementId: a.id,
              placeSlug: p.place,
              effect: p.effect,
              dueOn: p.due_on,
              effectiveOn: p.effective_on,
              note: p.note,
            })
            .run();
        }
        const provisions = a.provisions.map((p) => p.text).join(' ');
        searchRows.push({
          type: 'agreement',
          refId: a.id,
          title: a.title,
          body: `${a.short_title} ${provisions}`,
        });
      }
      input.statistics.forEach((s, i) => {
        tx.insert(t.statistics)
          .values({
            id: s.id,
            seq: i + 1,
            subject: s.subject,
            label: s.label,
            ...concernsColumns(s.concerns),
            value: s.value,
            low: s.low,
            high: s.high,
            unit: s.unit,
            qualifier: s.qualifier,
            asOf: s.as_of,
            asOfText: s.as_of_text,
            reporter: s.reporter,
            basis: s.basis,
            placeSlug: s.place,
            eventId: s.event,
          })
          .run();
        cite(s.citations, { recordType: 'statistic', statisticId: s.id });
        const words = [s.subject.replaceAll('_', ' '), s.unit, s.as_of_text, s.reporter, s.basis];
        searchRows.push({ type: 'statistic', refId: s.id, title: s.label, body: words.filter(Boolean).join(' ') });
      });
      input.claims.forEach((c, i) => {
        tx.insert(t.claims)
          .values({
            id: c.id,
            seq: i + 1,
            sourceId: c.source,
            claimant: c.claimant,
            claimantActorId: c.claimant_actor,
            statement: c.statement,
            kind: c.kind,
            eventId: c.event,
          })
          .run();
        cite(c.citations, { recordType: 'claim', claimId: c.id });
        const quotes = c.citations.map((q) => q.quote ?? q.note ?? '').join(' ');
        // A claim cited only by reference pages without notes has no quote: its statement is what a snippet shows.
        searchRows.push({ type: 'claim', refId: c.id, title: c.statement, body: quotes.trim() || c.statement });
      });

      input.observances.forEach((o, i) => {
        tx.insert(t.observances)
          .values({ id: o.id, seq: i + 1, name: o.name, day: o.day, establishedByEventId: o.established_by })
          .run();
        cite(o.citations, { recordType: 'observance', observanceId: o.id });
      });

      for (const i of input.identifiers) {
        tx.insert(t.placeIdentifiers)
          .values({ placeSlug: i.place, iso3166_2: i.iso3166_2, geonames: i.geonames })
          .run();
        for (const c of i.citations) {
          tx.insert(t.placeIdentifierCitations)
            .values({ placeSlug: i.place, scheme: c.for, sourceId: c.source, note: c.note ?? null })
            .run();
        }
      }
      for (const f of input.boundaries.features) {
        const [citation] = f.properties.citations;
        tx.insert(t.placeBoundaries)
          .values({
            placeSlug: f.properties.place,
            geometry: JSON.stringify(f.geometry),
            labelLon: f.label[0],
            labelLat: f.label[1],
            sourceId: citation?.source ?? '',
            sourceFeature: f.properties.source_id,
            sourceName: f.properties.ne_name,
            note: f.properties.note,
          })
          .run();
      }
      input.boundaries.caveats.forEach((text, i) => {
        tx.insert(t.boundaryCaveats)
          .values({ seq: i + 1, text })
          .run();
      });

      for (const row of citationRows) {
        const inserted = tx.insert(t.citations).values(row).returning({ id: t.citations.id }).get();
        if (row.quote)
          searchRows.push({ type: 'quote', refId: String(inserted.id), title: row.quote, body: row.quote });
      }
      for (const r of searchRows) {
        tx.run(
          sql`INSERT INTO search_fts (type, ref_id, title, body, folded) VALUES (${r.type}, ${r.refId}, ${r.title}, ${r.body}, ${foldText(`${r.title} ${r.body}`)})`,
        );
      }

      const tables = {
        sources: t.sources,
        actors: t.actors,
        places: t.places,
        place_names: t.placeNames,
        events: t.events,
        event_places: t.eventPlaces,
        event_actors: t.eventActors,
        agreements: t.agreements,
        agreement_provisions: t.agreementProvisions,
        statistics: t.statistics,
        claims: t.claims,
        observances: t.observances,
        citations: t.citations,
        place_boundaries: t.placeBoundaries,
        place_identifiers: t.placeIdentifiers,
      };
      for (const [name, table] of Object.entries(tables)) {
        counts[name] =
          tx
            .select({ n: sql<number>`count(*)` })
            .from(table)
            .get()?.n ?? 0;
      }
      // After the counts: these tables describe the data, they are not part of it.
      for (const r of recordHashesOf(input)) tx.insert(t.recordHashes).values(r).run();
      for (const release of input.releases) {
        const { records, ...row } = release;
        tx.insert(t.releases).values(row).run();
        for (const r of records)
          tx.insert(t.releaseRecords)
            .values({ version: release.version, ...r })
            .run();
      }
      tx.insert(t.dataset)
        .values({
          id: 1,
          version: datasetVersion(input.inputSha256),
          sha256: input.inputSha256,
          counts,
          builtAt,
          licence: DATASET_LICENCE,
        })
        .run();
    });

    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check failed: ${String(integrity)}`);
    const fkProblems = sqlite.pragma('foreign_key_check') as unknown[];
    if (fkProblems.length) throw new Error(`foreign_key_check failed: ${JSON.stringify(fkProblems.slice(0, 5))}`);
    sqlite.exec('ANALYZE');
    return counts;
  } finally {
    sqlite.close();
  }
}
