// Sources: the article held verbatim and the reference pages cited by URL.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sources } from '../db/schema/index.js';
import { prepareRows } from './prepared.js';

const sourceColumns = {
  id: sources.id,
  kind: sources.kind,
  title: sources.title,
  publisher: sources.publisher,
  origin: sources.origin,
  placeOfPublication: sources.placeOfPublication,
  publishedOn: sources.publishedOn,
  language: sources.language,
  url: sources.url,
  sha256: sources.sha256,
  licence: sources.licence,
};

export function createSourceQueries(db: Db, citationCounts: () => ReadonlyMap<string, number>) {
  // The document first: it is what the dataset is about.
  const all = prepareRows(db.select(sourceColumns).from(sources).orderBy(asc(sources.kind), asc(sources.id)));
  const byId = prepareRows(
    db
      .select({ ...sourceColumns, text: sources.text })
      .from(sources)
      .where(eq(sources.id, sql.placeholder('id'))),
  );
  type Row = ReturnType<typeof all.all>[number];
  const toSource = (r: Row, counts: ReadonlyMap<string, number>) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    publisher: r.publisher,
    origin: r.origin,
    place_of_publication: r.placeOfPublication,
    published_on: r.publishedOn,
    language: r.language,
    url: r.url,
    sha256: r.sha256,
    licence: r.licence,
    citation_count: counts.get(r.id) ?? 0,
  });
  return {
    listSources() {
      const counts = citationCounts();
      return all.all().map((r) => toSource(r, counts));
    },
    getSource(id: string) {
      const row = byId.get({ id });
      return row ? { ...toSource(row, citationCounts()), text: row.text } : null;
    },
  };
}
