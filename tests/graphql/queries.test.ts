// Every Query field answers from the same query layer as REST, in REST's fields, camelCased.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/schemas/cursor.js';
import { useTestApp } from '../helpers/app.js';
import { DATE_SPAN, gql, gqlData, onlyError } from './helpers.js';

const app = await useTestApp();

interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}
type Ids = { id: string }[];

describe('events', () => {
  const QUERY = `query ($from: String, $to: String, $match: EventMatch, $kind: [EventKind!], $place: String,
      $actor: String, $q: String, $first: Int, $after: String) {
    events(from: $from, to: $to, match: $match, kind: $kind, place: $place, actor: $actor, q: $q,
        first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id } }
      nodes { id kind ${DATE_SPAN} places { role place { slug } } }
    }
  }`;
  type Events = {
    events: Connection<{
      id: string;
      kind: string;
      date: { startDate: string; endDate: string | null; precision: string; text: string; edtf: string };
      places: { role: string; place: { slug: string } }[];
    }>;
  };

  it('lists events overlapping a window in date order, with their date span and places', async () => {
    const { events } = await gqlData<Events>(app, QUERY, { from: '2020-09-27', to: '2020-11-10', first: 100 });
    expect(events.nodes.length).toBeGreaterThan(5);
    expect(events.totalCount).toBe(events.nodes.length);
    expect(events.pageInfo.hasNextPage).toBe(false);
    for (const e of events.nodes) {
      // An open end (null) overlaps every later window.
      expect(e.date.startDate <= '2020-11-10' && (e.date.endDate === null || e.date.endDate >= '2020-09-27')).toBe(
        true,
      );
    }
    const starts = events.nodes.map((e) => e.date.startDate);
    expect(starts).toEqual([...starts].sort());
    const shusha = events.nodes.find((e) => e.id === 'shusha-taken-by-azerbaijani-forces-2020');
    expect(shusha?.date).toMatchObject({ startDate: '2020-11-08', endDate: '2020-11-08', precision: 'day' });
    expect(shusha?.places.map((p) => p.place.slug)).toContain('shusha');
    // A span that runs on past the window (here an open end) overlaps it; `within` leaves it out.
    expect(events.nodes.map((e) => e.id)).toContain('reconstruction-of-returned-territories');
    const within = await gqlData<Events>(app, QUERY, {
      from: '2020-09-27',
      to: '2020-11-10',
      match: 'within',
      first: 100,
    });
    expect(within.events.nodes.map((e) => e.id)).not.toContain('reconstruction-of-returned-territories');
    expect(within.events.nodes.map((e) => e.id)).toContain('shusha-taken-by-azerbaijani-forces-2020');
    for (const e of within.events.nodes) {
      const end = e.date.endDate;
      expect(e.date.startDate >= '2020-09-27' && end !== null && end <= '2020-11-10').toBe(true);
    }
  });

  it('filters by kind, place (with the places inside it), actor and words', async () => {
    const captures = await gqlData<Events>(app, QUERY, { kind: ['capture', 'handover'], first: 100 });
    expect(captures.events.nodes.length).toBeGreaterThan(3);
    expect(new Set(captures.events.nodes.map((e) => e.kind))).toEqual(new Set(['capture', 'handover']));

    const karabakh = await gqlData<Events>(app, QUERY, { place: 'karabakh', first: 100 });
    const ids = karabakh.events.nodes.map((e) => e.id);
    // Shusha lies inside Karabakh: its events are Karabakh's too.
    expect(ids).toContain('shusha-taken-by-azerbaijani-forces-2020');

    const artsakh = await gqlData<Events>(app, QUERY, { actor: 'republic-of-artsakh', first: 100 });
    expect(artsakh.events.nodes.map((e) => e.id)).toContain('second-karabakh-war');

    const words = await gqlData<Events>(app, QUERY, { q: 'Shusha', first: 100 });
    expect(words.events.nodes.map((e) => e.id)).toContain('shusha-taken-by-azerbaijani-forces-2020');
    expect(words.events.nodes.map((e) => e.id)).not.toContain('lachin-handed-over-2020');
  });

  it('pages with first/after: every event exactly once, edge cursors continue after their event', async () => {
    const all = await gqlData<Events>(app, QUERY, { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Events = await gqlData<Events>(app, QUERY, { first: 7, after });
      expect(page.events.nodes.length).toBeLessThanOrEqual(7);
      expect(page.events.edges.map((e) => e.node.id)).toEqual(page.events.nodes.map((n) => n.id));
      seen.push(...page.events.nodes.map((e) => e.id));
      expect(page.events.pageInfo.endCursor).toBe(page.events.edges.at(-1)?.cursor ?? null);
      after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.events.nodes.map((e) => e.id));
    expect(all.events.totalCount).toBe(seen.length);

    // Starting after the third edge's cursor gives the rest of the list.
    const third = all.events.edges[2];
    const rest = await gqlData<Events>(app, QUERY, { first: 100, after: third?.cursor });
    expect(rest.events.nodes.map((e) => e.id)).toEqual(seen.slice(3));
  });

  it('counts the default page as 20', async () => {
    const { events } = await gqlData<Events>(app, QUERY, {});
    expect(events.nodes).toHaveLength(20);
    expect(events.pageInfo.hasNextPage).toBe(true);
  });
});

describe('one event', () => {
  it('has its parent, children, actors, statistics, claims and citations', async () => {
    const data = await gqlData<{
      event: {
        id: string;
        title: string;
        summary: string;
        parentId: string | null;
        parent: { id: string; title: string } | null;
        children: Ids;
        actors: { role: string; actor: { id: string; kind: string; name: string } }[];
        statistics: { id: string }[];
        claims: { id: string; kind: string }[];
        citations: { quote: string | null; sourceId: string; source: { id: string } }[];
      };
      war: { children: Ids; statistics: Ids; parent: null };
    }>(
      app,
      `{
        event(id: "shusha-taken-by-azerbaijani-forces-2020") {
          id title summary parentId parent { id title } children { id }
          actors { role actor { id kind name } }
          statistics { id } claims { id kind } citations { quote sourceId source { id } }
        }
        war: event(id: "second-karabakh-war") { children { id } statistics { id } parent { id } }
      }`,
    );
    expect(data.event.id).toBe('shusha-taken-by-azerbaijani-forces-2020');
    expect(data.event.parentId).toBe('second-karabakh-war');
    expect(data.event.parent?.id).toBe('second-karabakh-war');
    expect(data.event.claims.map((c) => c.id)).toContain('armenia-denied-shusha-capture');
    expect(data.event.claims.find((c) => c.id === 'armenia-denied-shusha-capture')?.kind).toBe('denial');
    expect(data.event.citations.length).toBeGreaterThan(0);
    for (const c of data.event.citations) expect(c.source.id).toBe(c.sourceId);
    expect(data.event.actors.length).toBeGreaterThan(0);
    expect(data.war.children.map((c) => c.id)).toContain('shusha-taken-by-azerbaijani-forces-2020');
    expect(data.war.statistics.map((s) => s.id)).toContain('war-duration-days');
    expect(data.war.parent).toBeNull();
  });

  it('is NOT_FOUND for an unknown id, with the field path', async () => {
    const response = await gql(app, '{ event(id: "no-such-event") { id } }');
    expect(response.data).toEqual({ event: null });
    const error = onlyError(response);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.path).toEqual(['event']);
    expect(error.message).toBe('No event with id "no-such-event".');
  });
});

const PLACE_FIELDS = `slug name kind parent { slug }
  names { name language script kind usedBy appliesTo }
  location { lat lon } centreName areaKm2 areaNote population { count year basis }
  occupation { date dateText eventId event { id } }
  return { date mode agreementId agreement { id } eventId event { id } }
  note children { slug } events { role event { id } } statistics { id } citations { id }`;

describe('districts and places', () => {
  type PlaceData = {
    slug: string;
    kind: string;
    parent: { slug: string } | null;
    names: { name: string; language: string; script: string; kind: string }[];
    location: { lat: number; lon: number } | null;
    occupation: { date: string; dateText: string; eventId: string; event: { id: string } } | null;
    return: {
      date: string;
      mode: string;
      agreementId: string | null;
      agreement: { id: string } | null;
      eventId: string;
      event: { id: string };
    } | null;
    children: { slug: string }[];
    events: { role: string; event: { id: string } }[];
    statistics: Ids;
    citations: { id: number }[];
  };

  it('districts: the seven districts, each with occupation and return', async () => {
    const { districts } = await gqlData<{ districts: PlaceData[] }>(app, `{ districts { ${PLACE_FIELDS} } }`);
    expect(districts.map((d) => d.slug).sort()).toEqual(
      ['aghdam', 'fuzuli', 'gubadli', 'jabrayil', 'kalbajar', 'lachin', 'zangilan'].sort(),
    );
    for (const d of districts) {
      expect(d.kind).toBe('district');
      expect(d.occupation?.event.id).toBe(d.occupation?.eventId);
      expect(d.return?.event.id).toBe(d.return?.eventId);
      expect(d.events.length).toBeGreaterThan(0);
    }
  });

  it('district(slug): Lachin, returned by handover under the trilateral statement', async () => {
    const { district } = await gqlData<{ district: PlaceData }>(
      app,
      `{ district(slug: "lachin") { ${PLACE_FIELDS} } }`,
    );
    expect(district.slug).toBe('lachin');
    expect(district.names.map((n) => n.language)).toEqual(expect.arrayContaining(['az', 'en', 'ru']));
    expect(district.location).not.toBeNull();
    expect(district.occupation).toMatchObject({
      date: '1992-05-18',
      eventId: 'lachin-comes-under-armenian-control-1992',
    });
    expect(district.return).toMatchObject({
      date: '2020-12-01',
      mode: 'handover',
      agreementId: 'trilateral-statement-2020',
      agreement: { id: 'trilateral-statement-2020' },
      eventId: 'lachin-handed-over-2020',
    });
    expect(district.events.map((e) => e.event.id)).toContain('lachin-handed-over-2020');
    expect(district.parent?.slug).toBe('azerbaijan');
  });

  it('district(slug) is NOT_FOUND for an unknown slug and for a place that is not a district', async () => {
    for (const slug of ['atlantis', 'shusha']) {
      const response = await gql(app, `{ district(slug: "${slug}") { slug } }`);
      expect(response.data).toEqual({ district: null });
      const error = onlyError(response);
      expect(error.extensions?.code).toBe('NOT_FOUND');
      expect(error.path).toEqual(['district']);
    }
  });

  it('places: by kind, by any name (diacritics folded), paged with first/after', async () => {
    const byKind = await gqlData<{ places: Connection<{ slug: string; kind: string }> }>(
      app,
      '{ places(kind: city, first: 100) { nodes { slug kind } } }',
    );
    expect(byKind.places.nodes.map((p) => p.slug).sort()).toEqual(['khankendi', 'shusha']);
    const byName = await gqlData<{ places: Connection<{ slug: string }> }>(
      app,
      '{ places(name: "Laçın") { nodes { slug } } }',
    );
    expect(byName.places.nodes.map((p) => p.slug)).toEqual(['lachin']);

    const all = await gqlData<{ places: Connection<{ slug: string }> }>(
      app,
      '{ places(first: 100) { nodes { slug } } }',
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { places: Connection<{ slug: string }> } = await gqlData(
        app,
        'query ($after: String) { places(first: 5, after: $after) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.places.edges.map((e) => e.node.slug));
      expect(page.places.pageInfo.endCursor).toBe(page.places.edges.at(-1)?.cursor ?? null);
      after = page.places.pageInfo.hasNextPage ? page.places.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.places.nodes.map((p) => p.slug));
  });

  it('place(slug): Shusha, a city inside Karabakh', async () => {
    const { place } = await gqlData<{ place: PlaceData }>(app, `{ place(slug: "shusha") { ${PLACE_FIELDS} } }`);
    expect(place.kind).toBe('city');
    expect(place.parent?.slug).toBe('karabakh');
    expect(place.return).toMatchObject({ mode: 'military_operation', agreementId: null, agreement: null });
    const response = await gql(app, '{ place(slug: "atlantis") { slug } }');
    expect(onlyError(response).extensions?.code).toBe('NOT_FOUND');
  });

  it("a place's events include those of the places inside it, each once", async () => {
    const { place } = await gqlData<{ place: PlaceData }>(
      app,
      '{ place(slug: "karabakh") { children { slug } events { role event { id } } } }',
    );
    expect(place.children.map((c) => c.slug)).toEqual(expect.arrayContaining(['shusha', 'khankendi']));
    const ids = place.events.map((e) => e.event.id);
    expect(ids).toContain('shusha-taken-by-azerbaijani-forces-2020');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('agreements, actors, statistics, claims, sources', () => {
  it('agreements and agreement(id): signatories, provisions and affected places', async () => {
    const data = await gqlData<{
      agreements: { nodes: { id: string; signedOn: string }[] };
      agreement: {
        id: string;
        shortTitle: string;
        signedOn: string;
        event: { id: string } | null;
        signatories: { actorId: string; office: string; actor: { id: string } }[];
        provisions: { point: number; text: string; citations: { quote: string | null }[] }[];
        places: { slug: string; effect: string; dueOn: string | null; place: { slug: string } }[];
        citations: { id: number }[];
      };
    }>(
      app,
      `{
        agreements(first: 100) { nodes { id signedOn } }
        agreement(id: "trilateral-statement-2020") {
          id shortTitle signedOn event { id }
          signatories { actorId office actor { id } }
          provisions { point text citations { quote } }
          places { slug effect dueOn place { slug } }
          citations { id }
        }
      }`,
    );
    const dates = data.agreements.nodes.map((a) => a.signedOn);
    expect(dates).toEqual([...dates].sort());
    expect(data.agreements.nodes.map((a) => a.id)).toContain('trilateral-statement-2020');
    expect(data.agreement.signedOn).toBe('2020-11-10');
    expect(data.agreement.event?.id).toBe('trilateral-statement-signed');
    expect(data.agreement.signatories.map((s) => s.actor.id)).toEqual(data.agreement.signatories.map((s) => s.actorId));
    expect(data.agreement.signatories.map((s) => s.actorId)).toEqual(
      expect.arrayContaining(['ilham-aliyev', 'nikol-pashinyan', 'vladimir-putin']),
    );
    expect(data.agreement.provisions.length).toBeGreaterThan(0);
    expect(data.agreement.places.find((p) => p.slug === 'lachin')).toMatchObject({
      effect: 'returned',
      dueOn: '2020-12-01',
      place: { slug: 'lachin' },
    });
    const missing = await gql(app, '{ agreement(id: "no-such-agreement") { id } }');
    expect(onlyError(missing).extensions?.code).toBe('NOT_FOUND');
  });

  it('actors and actor(id): affiliation and events with roles', async () => {
    const data = await gqlData<{
      actors: { nodes: { id: string; kind: string }[] };
      actor: {
        id: string;
        kind: string;
        affiliation: { id: string; kind: string } | null;
        events: { role: string; event: { id: string; date: { startDate: string } } }[];
        citations: { id: number }[];
      };
    }>(
      app,
      `{
        actors(first: 100) { nodes { id kind } }
        actor(id: "ilham-aliyev") {
          id kind affiliation { id kind }
          events { role event { id date { startDate } } }
          citations { id }
        }
      }`,
    );
    expect(data.actors.nodes.map((a) => a.id)).toEqual([...data.actors.nodes.map((a) => a.id)].sort());
    expect(data.actors.nodes.length).toBeGreaterThan(10);
    expect(data.actor.kind).toBe('person');
    expect(data.actor.affiliation).toEqual({ id: 'azerbaijan', kind: 'state' });
    const starts = data.actor.events.map((e) => e.event.date.startDate);
    expect(starts).toEqual([...starts].sort());
    const missing = await gql(app, '{ actor(id: "nobody") { id } }');
    expect(onlyError(missing).extensions?.code).toBe('NOT_FOUND');
  });

  it('statistics: by subject, asOf (a partial date is its whole period) and place, never merged', async () => {
    type Stats = {
      statistics: Connection<{
        id: string;
        subject: string;
        value: number;
        qualifier: string;
        asOf: string | null;
        reporter: string | null;
        place: { slug: string } | null;
        event: { id: string } | null;
        citations: { id: number }[];
      }>;
    };
    const fields = 'nodes { id subject value qualifier asOf reporter place { slug } event { id } citations { id } }';
    const bySubject = await gqlData<Stats>(app, `{ statistics(subject: "villages_taken") { ${fields} } }`);
    expect(bySubject.statistics.nodes.map((s) => s.id)).toEqual(['villages-taken-by-2020-11-09']);
    expect(bySubject.statistics.nodes[0]?.event?.id).toBe('territory-taken-by-2020-11-09');
    expect(bySubject.statistics.nodes[0]?.citations.length).toBeGreaterThan(0);

    const asOf = await gqlData<Stats>(app, `{ statistics(asOf: "2020-12-03", first: 100) { ${fields} } }`);
    expect(asOf.statistics.nodes.length).toBeGreaterThan(0);
    for (const s of asOf.statistics.nodes) expect(s.asOf).toBe('2020-12-03');

    const lachin = await gqlData<Stats>(app, `{ statistics(place: "lachin", first: 100) { ${fields} } }`);
    expect(lachin.statistics.nodes.map((s) => s.id).sort()).toEqual(
      [
        'displaced-residents-lachin',
        'population-1989-lachin-district',
        'berdzor-residents-left-2022',
        'aghavno-residents-2022',
      ].sort(),
    );
    // A place's figures include those of the settlements inside it.
    for (const s of lachin.statistics.nodes) expect(['lachin', 'lachin-town', 'zabukh']).toContain(s.place?.slug);
  });

  it('claims and claim(id): attributed to their source, with claimant and event', async () => {
    type Claims = {
      claims: Connection<{ id: string; sourceId: string; source: { id: string }; event: { id: string } | null }>;
      claim: {
        kind: string;
        claimant: string;
        claimantActorId: string | null;
        claimantActor: { id: string } | null;
        statement: string;
        citations: { quote: string | null }[];
      };
    };
    const data = await gqlData<Claims>(
      app,
      `{
        claims(event: "fighting-breaks-out-2020-09-27", first: 100) { nodes { id sourceId source { id } event { id } } }
        claim(id: "armenia-denied-shusha-capture") {
          kind claimant claimantActorId claimantActor { id } statement citations { quote }
        }
      }`,
    );
    expect(data.claims.nodes.length).toBeGreaterThan(2);
    for (const c of data.claims.nodes) {
      expect(c.event?.id).toBe('fighting-breaks-out-2020-09-27');
      expect(c.source.id).toBe(c.sourceId);
    }
    expect(data.claim).toMatchObject({ kind: 'denial', claimantActorId: 'armenia', claimantActor: { id: 'armenia' } });
    const bySource = await gqlData<{ claims: Connection<{ sourceId: string }> }>(
      app,
      '{ claims(source: "article-2025-09-27", first: 100) { nodes { sourceId } } }',
    );
    expect(bySource.claims.nodes.length).toBeGreaterThan(5);
    for (const c of bySource.claims.nodes) expect(c.sourceId).toBe('article-2025-09-27');
    const missing = await gql(app, '{ claim(id: "no-such-claim") { id } }');
    expect(onlyError(missing).extensions?.code).toBe('NOT_FOUND');
  });

  it('sources and source(id): the article verbatim, its citations quoting it to the character', async () => {
    const data = await gqlData<{
      sources: { nodes: { id: string; kind: string; citationCount: number }[] };
      source: {
        id: string;
        kind: string;
        text: string;
        sha256: string;
        citationCount: number;
        citations: {
          totalCount: number;
          nodes: { quote: string; start: number; end: number; record: { type: string; id: string } }[];
        };
      };
      reference: { kind: string; text: string | null; url: string | null };
    }>(
      app,
      `{
        sources(first: 100) { nodes { id kind citationCount } }
        source(id: "article-2025-09-27") { id kind text sha256 citationCount citations(first: 100) { totalCount nodes { quote start end record { type id } } } }
        reference: source(id: "ref-agdam-stadt-de-zxc") { kind text url }
      }`,
    );
    expect(data.sources.nodes[0]?.kind).toBe('document');
    expect(data.sources.nodes.length).toBeGreaterThan(50);
    expect(data.source.kind).toBe('document');
    expect(data.source.citations.nodes).toHaveLength(data.source.citationCount);
    expect(data.source.citations.totalCount).toBe(data.source.citationCount);
    for (const c of data.source.citations.nodes) expect(data.source.text.slice(c.start, c.end)).toBe(c.quote);
    expect(data.reference).toMatchObject({ kind: 'reference', text: null });
    expect(data.reference.url).toMatch(/^https?:\/\//);

    // A source reached through a list also has its text (loaded on demand).
    const nested = await gqlData<{ sources: { nodes: { id: string; text: string | null }[] } }>(
      app,
      '{ sources(first: 100) { nodes { id text } } }',
    );
    expect(nested.sources.nodes.find((s) => s.id === 'article-2025-09-27')?.text).toBe(data.source.text);
    const missing = await gql(app, '{ source(id: "no-such-source") { id } }');
    expect(onlyError(missing).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('timeline, onThisDay, search, meta', () => {
  it('timeline: events, agreements and statistics in a window, in date order, offset-paged', async () => {
    type Timeline = {
      timeline: Connection<{ type: string; id: string; date: { startDate: string; endDate: string | null } }>;
    };
    const query = `query ($after: String, $first: Int) {
      timeline(from: "2020-11", to: "2020-12", first: $first, after: $after) {
        edges { cursor node { type id date { startDate endDate } } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const all = await gqlData<Timeline>(app, query, { first: 100 });
    const items = all.timeline.edges.map((e) => e.node);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['event', 'agreement', 'statistic']));
    // An open end (null) overlaps every later window.
    for (const i of items) {
      expect(i.date.startDate <= '2020-12-31' && (i.date.endDate === null || i.date.endDate >= '2020-11-01')).toBe(
        true,
      );
    }
    expect(items.map((i) => i.id)).toContain('trilateral-statement-2020');

    const first = await gqlData<Timeline>(app, query, { first: 4 });
    expect(first.timeline.pageInfo).toMatchObject({ hasNextPage: true });
    expect(decodeCursor(first.timeline.pageInfo.endCursor ?? '')).toMatchObject({ list: 'timeline', position: 4 });
    const second = await gqlData<Timeline>(app, query, { first: 4, after: first.timeline.pageInfo.endCursor });
    expect(second.timeline.edges.map((e) => e.node.id)).toEqual(items.slice(4, 8).map((i) => i.id));
  });

  it('onThisDay: only events known to the day, with years ago', async () => {
    const {
      onThisDay: { nodes: onThisDay, totalCount },
    } = await gqlData<{
      onThisDay: {
        nodes: { yearsAgo: number; event: { id: string; date: { startDate: string; precision: string } } }[];
        totalCount: number;
      };
    }>(
      app,
      '{ onThisDay(date: "11-08", first: 100) { nodes { yearsAgo event { id date { startDate precision } } } totalCount } }',
    );
    expect(totalCount).toBe(onThisDay.length);
    expect(onThisDay.map((i) => i.event.id)).toContain('shusha-taken-by-azerbaijani-forces-2020');
    for (const item of onThisDay) {
      expect(item.event.date.precision).toBe('day');
      expect(item.event.date.startDate.slice(5)).toBe('11-08');
      expect(item.yearsAgo).toBe(new Date().getUTCFullYear() - Number(item.event.date.startDate.slice(0, 4)));
    }
    const bad = await gql(app, '{ onThisDay(date: "02-30") { totalCount } }');
    expect(onlyError(bad)).toMatchObject({
      message: 'date: is not a day of the year',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('search: hits best first, each with its record resolved through the SearchRecord union', async () => {
    const { search } = await gqlData<{
      search: Connection<{
        type: string;
        id: string;
        snippet: string;
        url: string;
        record: { __typename: string; id?: string | number; slug?: string; quote?: string };
      }>;
    }>(
      app,
      `{
        search(q: "Lachin", first: 100) {
          nodes {
            type id snippet url
            record {
              __typename
              ... on Event { id }
              ... on Place { slug }
              ... on Actor { id }
              ... on Agreement { id }
              ... on Statistic { id }
              ... on Claim { id }
              ... on Citation { citationId: id quote }
            }
          }
        }
      }`,
    );
    const typenames: Record<string, string> = {
      event: 'Event',
      place: 'Place',
      actor: 'Actor',
      agreement: 'Agreement',
      statistic: 'Statistic',
      claim: 'Claim',
      quote: 'Citation',
    };
    expect(search.nodes.length).toBeGreaterThan(3);
    // Lachin district and Lachin town both answer to the name; the district is among the hits.
    expect(search.nodes.find((n) => n.type === 'place' && n.id === 'lachin')).toMatchObject({
      id: 'lachin',
      url: '/v1/places/lachin',
      record: { __typename: 'Place', slug: 'lachin' },
    });
    const types = new Set(search.nodes.map((n) => n.type));
    expect(types.has('event') && types.has('quote')).toBe(true);
    for (const hit of search.nodes) {
      expect(hit.record.__typename).toBe(typenames[hit.type]);
      const record = hit.record as Record<string, unknown>;
      const key = hit.type === 'place' ? record.slug : hit.type === 'quote' ? String(record.citationId) : record.id;
      expect(key).toBe(hit.id);
      expect(hit.snippet.length).toBeGreaterThan(0);
    }
  });

  it('meta: version, counts and sources', async () => {
    const { meta } = await gqlData<{
      meta: {
        version: string;
        sha256: string;
        builtAt: string;
        licence: string;
        counts: { type: string; count: number }[];
        sources: { id: string; kind: string; title: string }[];
      };
    }>(app, '{ meta { version sha256 builtAt licence counts { type count } sources { id kind title } } }');
    expect(meta.version).toMatch(/^1\.[0-9a-f]{12}$/);
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.counts.map((c) => c.type)).toEqual(expect.arrayContaining(['events', 'places', 'citations']));
    expect(meta.sources[0]).toMatchObject({ id: 'article-2025-09-27', kind: 'document' });
    const { events } = await gqlData<{ events: { totalCount: number } }>(app, '{ events { totalCount } }');
    expect(meta.counts.find((c) => c.type === 'events')?.count).toBe(events.totalCount);
  });
});

describe('cursor interchange with REST', () => {
  it('accepts a cursor in REST format and refuses one issued for the other sort order', async () => {
    const { events } = await gqlData<{ events: Connection<{ id: string }> }>(
      app,
      '{ events(first: 3) { edges { cursor node { id } } } }',
    );
    const cursor = events.edges[0]?.cursor ?? '';
    const decoded = decodeCursor(cursor);
    expect(decoded).toMatchObject({ list: 'events', position: ['date', expect.any(String), expect.any(Number)] });
    const [, startDate, seq] = decoded?.position as [string, string, number];
    const reversed = encodeCursor(decoded?.dataset ?? '', 'events', ['-date', startDate, seq]);
    const response = await gql(app, `{ events(after: "${reversed}") { nodes { id } } }`);
    expect(onlyError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', arguments: [{ name: 'after' }] });
  });
});
