// The explorer reads only the public API, same origin, through the package's typed client.
// Answers are kept for the page's lifetime: the data changes only with a new dataset, and the server revalidates.
import { createClient, listAll, unwrap, type Schemas } from '../../clients/typescript/src/index.js';

export type { Schemas };
export type Citation = Schemas['Citation'];
export type DateSpan = Schemas['DateSpan'];
export type Place = Schemas['Place'];
export type PlaceDetail = Schemas['PlaceDetail'];
export type Claim = Schemas['Claim'];
export type Statistic = Schemas['Statistic'];
export type Observance = Schemas['Observance'];
export type TimelineItem = Schemas['TimelineItem'];
/** A record as the explorer names it: its type and id, and for a cited part of it the name or point cited. */
export type RecordRef = Pick<Citation['record'], 'type' | 'id'> & Partial<Pick<Citation['record'], 'name' | 'point'>>;

export const api = createClient({ baseUrl: location.origin });

const memo = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = memo.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    memo.set(key, promise);
    // A failed load is not kept: the next visit tries again.
    promise.catch(() => memo.delete(key));
  }
  return promise;
}

const PAGE = 100;

export const timeline = () =>
  once('timeline', () => listAll((cursor) => api.GET('/v1/timeline', { params: { query: { limit: PAGE, cursor } } })));

export const places = () =>
  once('places', () => listAll((cursor) => api.GET('/v1/places', { params: { query: { limit: PAGE, cursor } } })));

export const placesGeoJson = () => once('geojson', () => unwrap(api.GET('/v1/places.geojson')));

export const districtsGeoJson = () => once('districts geojson', () => unwrap(api.GET('/v1/districts.geojson')));

export const district = (slug: string) =>
  once(`district ${slug}`, () => unwrap(api.GET('/v1/districts/{slug}', { params: { path: { slug } } })));

export const place = (slug: string) =>
  once(`place ${slug}`, () => unwrap(api.GET('/v1/places/{slug}', { params: { path: { slug } } })));

export const event = (id: string) =>
  once(`event ${id}`, () => unwrap(api.GET('/v1/events/{id}', { params: { path: { id } } })));

export const agreement = (id: string) =>
  once(`agreement ${id}`, () => unwrap(api.GET('/v1/agreements/{id}', { params: { path: { id } } })));

export const claims = () =>
  once('claims', () => listAll((cursor) => api.GET('/v1/claims', { params: { query: { limit: PAGE, cursor } } })));

export const observances = () =>
  once('observances', () =>
    listAll((cursor) => api.GET('/v1/observances', { params: { query: { limit: PAGE, cursor } } })),
  );

export const statistics = () =>
  once('statistics', () =>
    listAll((cursor) => api.GET('/v1/statistics', { params: { query: { limit: PAGE, cursor } } })),
  );

export const actors = () =>
  once('actors', () => listAll((cursor) => api.GET('/v1/actors', { params: { query: { limit: PAGE, cursor } } })));

export const sources = () =>
  once('sources', () => listAll((cursor) => api.GET('/v1/sources', { params: { query: { limit: PAGE, cursor } } })));

export const source = (id: string) =>
  once(`source ${id}`, () => unwrap(api.GET('/v1/sources/{id}', { params: { path: { id } } })));

export const sourceCitations = (id: string) =>
  once(`citations ${id}`, () =>
    listAll((cursor) =>
      api.GET('/v1/sources/{id}/citations', { params: { path: { id }, query: { limit: PAGE, cursor } } }),
    ),
  );

export const recordKey = (record: RecordRef) => `${record.type}:${record.id}`;

/** Every quote in the documents (the sources that hold text), by the record it supports: "event:<id>" → quotes. */
export const quotesByRecord = () =>
  once('quotes', async () => {
    const documents = (await sources()).filter((s) => s.kind === 'document');
    const index = new Map<string, Citation[]>();
    for (const citations of await Promise.all(documents.map((d) => sourceCitations(d.id)))) {
      for (const citation of citations) {
        if (citation.quote === null) continue;
        const key = recordKey(citation.record);
        index.set(key, [...(index.get(key) ?? []), citation]);
      }
    }
    return index;
  });
