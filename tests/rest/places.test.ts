// /v1/places, /v1/districts and the GeoJSON map layer.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, type ListBody, walk } from '../helpers/json.js';

interface Place {
  slug: string;
  name: string;
  kind: string;
  names: { name: string; language: string; script: string; kind: string }[];
  location: { lat: number; lon: number } | null;
  occupation: { date: string; date_text: string; event_id: string } | null;
  return: { date: string; mode: string; agreement_id: string | null; event_id: string } | null;
  events?: { id: string; date: { start_date: string } }[];
}

const DISTRICTS = ['lachin', 'kalbajar', 'aghdam', 'fuzuli', 'jabrayil', 'zangilan', 'gubadli'];

const app = await useTestApp();

describe('GET /v1/districts', () => {
  it('lists the seven districts, each with names in four languages, a location, an occupation and a return', async () => {
    const { items } = await walk<Place>(app, '/v1/districts?limit=3');
    expect(items.map((d) => d.slug).sort()).toEqual([...DISTRICTS].sort());
    for (const d of items) {
      const languages = new Set(d.names.map((n) => n.language.split('-')[0]));
      for (const lang of ['az', 'en', 'ru', 'hy'])
        expect(languages.has(lang as string), `${d.slug} ${lang}`).toBe(true);
      expect(d.location, d.slug).not.toBeNull();
      expect(d.occupation?.date, d.slug).toMatch(/^199[23]-\d{2}-\d{2}$/);
      expect(d.return?.date, d.slug).toMatch(/^2020-1[012]-\d{2}$/);
      const starts = (d.events ?? []).map((e) => e.date.start_date);
      expect(starts).toEqual([...starts].sort());
    }
  });

  it('returns Aghdam, Kalbajar and Lachin by handover under the statement, the others by military operation', async () => {
    const { items } = await walk<Place>(app, '/v1/districts?limit=100');
    const modes = Object.fromEntries(items.map((d) => [d.slug, d.return?.mode]));
    expect(modes).toEqual({
      lachin: 'handover',
      kalbajar: 'handover',
      aghdam: 'handover',
      fuzuli: 'military_operation',
      jabrayil: 'military_operation',
      zangilan: 'military_operation',
      gubadli: 'military_operation',
    });
    for (const d of items.filter((x) => x.return?.mode === 'handover')) {
      expect(d.return?.agreement_id).toBe('trilateral-statement-2020');
    }
  });
});

describe('GET /v1/districts/{slug}', () => {
  it('answers Lachin with its names, centre, area, population, occupation, return, events, statistics and citations', async () => {
    const { status, body } = await getJson<Place & Record<string, unknown>>(app, '/v1/districts/lachin');
    expect(status).toBe(200);
    expect(body.name).toBe('Lachin');
    expect(body.names).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Laçın', language: 'az', kind: 'official' }),
        expect.objectContaining({ name: 'Berdzor', language: 'hy-Latn' }),
        expect.objectContaining({ name: 'Բերձոր', language: 'hy', script: 'Armn' }),
      ]),
    );
    expect(body.location).toEqual({ lat: 39.6408, lon: 46.5469 });
    expect(body.area_km2).toBe(1835);
    expect(body.occupation).toEqual({
      date: '1992-05-18',
      date_text: expect.any(String),
      event_id: 'lachin-comes-under-armenian-control-1992',
    });
    expect(body.return).toEqual({
      date: '2020-12-01',
      mode: 'handover',
      agreement_id: 'trilateral-statement-2020',
      event_id: 'lachin-handed-over-2020',
    });
    expect((body.events ?? []).map((e) => e.id)).toEqual(
      expect.arrayContaining(['lachin-handed-over-2020', 'lachin-corridor-towns-transferred-2022']),
    );
    expect((body.citations as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers 404 for a place that is not a district, and for an unknown slug', async () => {
    expect((await getJson(app, '/v1/districts/shusha')).status).toBe(404);
    expect((await getJson(app, '/v1/districts/atlantis')).status).toBe(404);
  });
});

describe('GET /v1/places name lookup', () => {
  for (const name of ['Berdzor', 'Laçın', 'LACHIN', 'lacin', 'Лачин', 'Բերձոր']) {
    it(`finds Lachin by "${name}"`, async () => {
      const { body } = await getJson<ListBody<Place>>(app, `/v1/places?name=${encodeURIComponent(name)}`);
      expect(body.data.map((p) => p.slug)).toContain('lachin');
    });
  }

  it('folds the Azerbaijani letters Unicode does not decompose (ı, ə)', async () => {
    const { body } = await getJson<ListBody<Place>>(app, '/v1/places?name=cebrayil');
    expect(body.data.map((p) => p.slug)).toEqual(['jabrayil']);
    const kalbajar = await getJson<ListBody<Place>>(app, '/v1/places?name=kelbecer');
    expect(kalbajar.body.data.map((p) => p.slug)).toEqual(['kalbajar']);
  });

  it('filters by kind and parent', async () => {
    const cities = (await walk<Place>(app, '/v1/places?kind=city')).items;
    expect(cities.map((c) => c.slug)).toEqual(expect.arrayContaining(['shusha', 'khankendi']));
    for (const c of cities) expect(c.kind).toBe('city');
    const inKarabakh = (await walk<Place>(app, '/v1/places?parent=karabakh')).items.map((p) => p.slug);
    expect(inKarabakh).toContain('shusha');
    expect(inKarabakh).not.toContain('lachin');
  });

  it('answers one place by slug with its children', async () => {
    const { body } = await getJson<{ children: { slug: string }[] }>(app, '/v1/places/karabakh');
    expect(body.children.map((c) => c.slug)).toContain('shusha');
  });
});

describe('GET /v1/places.geojson', () => {
  it('is an RFC 7946 FeatureCollection of points, longitude first', async () => {
    const { response } = await getJson(app, '/v1/places.geojson');
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const doc = JSON.parse(response.body) as {
      type: string;
      features: {
        type: string;
        id: string;
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.length).toBeGreaterThanOrEqual(9);
    for (const f of doc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toHaveLength(2);
      const [lon, lat] = f.geometry.coordinates as [number, number];
      // The region lies around 46–47.5°E, 39–40.5°N: a swapped pair would fail here.
      expect(lon).toBeGreaterThan(45);
      expect(lon).toBeLessThan(48);
      expect(lat).toBeGreaterThan(38.5);
      expect(lat).toBeLessThan(41);
    }
    const lachin = doc.features.find((f) => f.id === 'lachin');
    expect(lachin?.properties.return_mode).toBe('handover');
  });
});
