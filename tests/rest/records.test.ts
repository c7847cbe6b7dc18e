// Agreements, statistics, actors, claims and sources: the records events and places rest on.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, type ListBody, walk } from '../helpers/json.js';

const app = await useTestApp();

interface Citation {
  source_id: string;
  quote: string | null;
  start: number | null;
  end: number | null;
  record: { type: string; id: string };
}

describe('agreements', () => {
  it('describes the 10 November 2020 statement: signatories with offices, provisions, returned places', async () => {
    const { status, body } = await getJson<{
      signed_on: string;
      signatories: { actor_id: string; name: string; office: string }[];
      provisions: { point: number; text: string }[];
      places: { slug: string; effect: string; due_on: string | null; effective_on: string | null }[];
      citations: Citation[];
    }>(app, '/v1/agreements/trilateral-statement-2020');
    expect(status).toBe(200);
    expect(body.signed_on).toBe('2020-11-10');
    expect(body.signatories.map((s) => s.actor_id)).toEqual(['ilham-aliyev', 'nikol-pashinyan', 'vladimir-putin']);
    expect(body.signatories[0]?.office).toBe('President of the Republic of Azerbaijan');
    expect(body.provisions.map((p) => p.point)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const returned = body.places.filter((p) => p.effect === 'returned').map((p) => p.slug);
    expect(returned.sort()).toEqual(['aghdam', 'kalbajar', 'lachin']);
    const kalbajar = body.places.find((p) => p.slug === 'kalbajar');
    expect(kalbajar).toMatchObject({ due_on: '2020-11-15', effective_on: '2020-11-25' });
    expect(body.citations.some((c) => c.quote?.includes('signed a declaration of a ceasefire'))).toBe(true);
  });

  it('lists agreements by signing date', async () => {
    const { items } = await walk<{ id: string; signed_on: string }>(app, '/v1/agreements');
    expect(items.map((a) => a.id)).toContain('trilateral-statement-2020');
    const dates = items.map((a) => a.signed_on);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('statistics', () => {
  it("gives the article's liberation counts as exact figures as of 9 November 2020", async () => {
    const { body } = await getJson<ListBody<{ subject: string; value: number; qualifier: string; as_of: string }>>(
      app,
      '/v1/statistics?as_of=2020-11-09&limit=100',
    );
    const bySubject = Object.fromEntries(body.data.map((s) => [s.subject, s]));
    expect(bySubject.cities_taken).toMatchObject({ value: 5, qualifier: 'exact' });
    expect(bySubject.settlements_taken).toMatchObject({ value: 4, qualifier: 'exact' });
    expect(bySubject.villages_taken).toMatchObject({ value: 286, qualifier: 'exact' });
  });

  it('keeps casualty figures per reporter, never merged', async () => {
    const { items } = await walk<{ subject: string; reporter: string | null }>(app, '/v1/statistics?limit=100');
    const killed = items.filter((s) => s.subject.includes('killed'));
    expect(new Set(killed.map((s) => s.reporter)).size).toBeGreaterThanOrEqual(3);
  });

  it('filters by subject and place', async () => {
    const { items } = await walk<{ subject: string; place: { slug: string } | null }>(
      app,
      '/v1/statistics?place=lachin',
    );
    expect(items.length).toBeGreaterThan(0);
    // A place's figures include those of the settlements inside it.
    for (const s of items) expect(['lachin', 'lachin-town', 'zabukh', 'sus']).toContain(s.place?.slug);
    const displaced = (
      await walk<{ subject: string; value: number; qualifier: string }>(app, '/v1/statistics?subject=displaced_persons')
    ).items;
    // The article's figure, and beside it each other reporter's, never merged into one.
    expect(displaced).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 1_000_000, qualifier: 'approximate' })]),
    );
    expect(displaced.length).toBeGreaterThan(1);
  });
});

describe('actors and claims', () => {
  it('lists actors and answers one with its events', async () => {
    const { items } = await walk<{ id: string }>(app, '/v1/actors?limit=5');
    expect(items.length).toBeGreaterThanOrEqual(5);
    const { body } = await getJson<{ name: string; events: { id: string; role: string }[] }>(
      app,
      '/v1/actors/ilham-aliyev',
    );
    expect(body.name).toBe('Ilham Aliyev');
    expect(body.events.map((e) => e.id)).toContain('trilateral-statement-signed');
  });

  it('filters claims by source and event; every claim names who makes it and quotes it', async () => {
    const { items } = await walk<{ id: string; claimant: string; source_id: string; citations: Citation[] }>(
      app,
      '/v1/claims?source=article-2025-09-27',
    );
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const c of items) {
      expect(c.source_id).toBe('article-2025-09-27');
      expect(c.claimant).toBeTruthy();
      expect(c.citations.length).toBeGreaterThan(0);
    }
    const forEvent = (await walk<{ event_id: string }>(app, '/v1/claims?event=fighting-breaks-out-2020-09-27')).items;
    expect(forEvent.length).toBeGreaterThanOrEqual(2);
    for (const c of forEvent) expect(c.event_id).toBe('fighting-breaks-out-2020-09-27');
    const first = items[0] as { id: string };
    expect((await getJson(app, `/v1/claims/${first.id}`)).status).toBe(200);
  });
});

describe('sources', () => {
  it('serves the article verbatim with its SHA-256, and every citation slices exactly its quote', async () => {
    const { body: source } = await getJson<{ kind: string; text: string; sha256: string }>(
      app,
      '/v1/sources/article-2025-09-27',
    );
    expect(source.kind).toBe('document');
    const { createHash } = await import('node:crypto');
    expect(source.sha256).toBe(createHash('sha256').update(source.text).digest('hex'));
    const { items: citations } = await walk<Citation>(app, '/v1/sources/article-2025-09-27/citations?limit=7');
    expect(citations.length).toBeGreaterThanOrEqual(25);
    for (const c of citations) expect(source.text.slice(c.start ?? -1, c.end ?? -1)).toBe(c.quote);
    const starts = citations.map((c) => c.start as number);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('lists the document first, then references with URLs and no text', async () => {
    const { items } = await walk<{ id: string; kind: string; url: string | null; citation_count: number }>(
      app,
      '/v1/sources?limit=100',
    );
    expect(items[0]?.kind).toBe('document');
    for (const s of items.slice(1)) {
      expect(s.kind).toBe('reference');
      expect(s.url).toMatch(/^https?:\/\//);
    }
    const ref = (await getJson<{ text: string | null }>(app, `/v1/sources/${items[1]?.id}`)).body;
    expect(ref.text).toBeNull();
  });
});
