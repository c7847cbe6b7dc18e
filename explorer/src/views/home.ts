// The overview: a map of Karabakh and the seven districts drawn from the API's coordinates (SVG, no tiles), each
// district coloured by how it returned, and the districts' table.
import { places, placesGeoJson, type Place } from '../api.js';
import { h, svg } from '../dom.js';
import { dayLabel, humanize, otherNames, placeHref, time } from '../parts.js';
import type { View } from './view.js';

type AnyFeature = Awaited<ReturnType<typeof placesGeoJson>>['features'][number];
/** The default /v1/places.geojson holds points only (polygons come with ?geometry=boundary). */
type Feature = AnyFeature & { geometry: { type: 'Point'; coordinates: [number, number] } };
const isPoint = (f: AnyFeature): f is Feature => f.geometry.type === 'Point';

export const RETURN_MODE: Record<string, { label: string; colour: string }> = {
  military_operation: { label: 'Taken in the 2020 military operation', colour: '#b35806' },
  handover: { label: 'Handed over under the 10 November 2020 statement', colour: '#1f5fa0' },
  other: { label: 'Other', colour: '#6b6b6b' },
};

const modeOf = (f: Feature) => f.properties.return_mode ?? 'other';

/** A marker's shape says the same as its colour: circle for a military operation, square for a handover. */
function marker(mode: string, x: number, y: number, size: number) {
  const fill = (RETURN_MODE[mode] ?? RETURN_MODE.other)!.colour;
  if (mode === 'handover')
    return svg('rect', { class: 'marker', x: x - size, y: y - size, width: size * 2, height: size * 2, fill });
  if (mode === 'military_operation') return svg('circle', { class: 'marker', cx: x, cy: y, r: size * 1.1, fill });
  return svg('path', {
    class: 'marker',
    d: `M${x} ${y - size * 1.3}L${x + size * 1.3} ${y}L${x} ${y + size * 1.3}L${x - size * 1.3} ${y}Z`,
    fill,
  });
}

function map(features: Feature[], index: Map<string, Place>): SVGSVGElement {
  const lons = features.map((f) => f.geometry.coordinates[0] ?? 0);
  const lats = features.map((f) => f.geometry.coordinates[1] ?? 0);
  const pad = 0.2;
  const [west, east] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
  const [south, north] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
  // Equirectangular around the middle latitude: right for a region this small.
  const cos = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const width = 560;
  const k = width / ((east - west) * cos);
  const height = Math.round((north - south) * k);
  const x = (lon: number) => (lon - west) * cos * k;
  const y = (lat: number) => (north - lat) * k;

  const graticule = [];
  for (let lon = Math.ceil(west * 2) / 2; lon <= east; lon += 0.5)
    graticule.push(
      svg('line', { x1: x(lon), x2: x(lon), y1: 0, y2: height }),
      svg('text', { x: x(lon) + 3, y: height - 6 }, `${lon.toFixed(1)}°E`),
    );
  for (let lat = Math.ceil(south * 2) / 2; lat <= north; lat += 0.5)
    graticule.push(
      svg('line', { x1: 0, x2: width, y1: y(lat), y2: y(lat) }),
      svg('text', { x: 4, y: y(lat) - 4 }, `${lat.toFixed(1)}°N`),
    );
  const km20 = (20 / 111.32) * k;

  const sorted = [...features].sort(
    (a, b) => (a.properties.kind === 'district' ? 0 : 1) - (b.properties.kind === 'district' ? 0 : 1),
  );
  const markers = sorted.map((f) => {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    const p = f.properties;
    const district = p.kind === 'district';
    const px = x(lon);
    const py = y(lat);
    const mode = modeOf(f);
    const leftSide = px > width - 110;
    const returned = p.return_date
      ? `; returned to Azerbaijani control on ${dayLabel(p.return_date)}${p.return_mode ? ` (${humanize(p.return_mode)})` : ''}`
      : '';
    const others = index
      .get(p.slug)
      ?.names.filter((n) => n.language !== 'en' && n.kind === 'official')
      .map((n) => n.name);
    return svg(
      'a',
      {
        href: placeHref(p.slug, p.kind),
        class: `place place-${p.kind}`,
        'data-slug': p.slug,
        'aria-label': `${p.name}, ${p.kind}${returned}`,
      },
      svg('title', null, `${p.name}${others?.length ? ` (${others.join(', ')})` : ''}${returned}`),
      marker(mode, px, py, district ? 9 : 5),
      svg(
        'text',
        {
          x: leftSide ? px - (district ? 14 : 9) : px + (district ? 14 : 9),
          y: py + 4,
          'text-anchor': leftSide ? 'end' : 'start',
          class: district ? 'label district' : 'label',
        },
        p.name,
      ),
    );
  });

  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      class: 'map',
      role: 'group',
      'aria-labelledby': 'map-title',
    },
    svg('title', { id: 'map-title' }, 'Map of the seven districts and the cities of Karabakh, by how each returned'),
    svg('rect', { class: 'sea', x: 0, y: 0, width, height }),
    svg('g', { class: 'graticule', 'aria-hidden': 'true' }, graticule),
    svg(
      'g',
      { class: 'scale', 'aria-hidden': 'true', transform: `translate(${width - km20 - 16} ${height - 24})` },
      svg('path', { d: `M0 0v6h${km20}v-6` }),
      svg('text', { x: km20 / 2, y: -4, 'text-anchor': 'middle' }, '20 km'),
    ),
    svg('text', { class: 'north', x: width - 18, y: 24, 'text-anchor': 'middle', 'aria-hidden': 'true' }, 'N ↑'),
    svg('g', null, markers),
  );
}

function legend() {
  return h(
    'ul',
    { class: 'map-legend', 'aria-label': 'Legend' },
    Object.entries(RETURN_MODE).map(([mode, { label }]) =>
      h(
        'li',
        null,
        svg('svg', { viewBox: '-12 -12 24 24', width: 18, height: 18, 'aria-hidden': 'true' }, marker(mode, 0, 0, 8)),
        ' ',
        label,
      ),
    ),
  );
}

export async function homeView(): Promise<View> {
  const [geo, placeList] = await Promise.all([placesGeoJson(), places()]);
  const index = new Map(placeList.map((p) => [p.slug, p]));
  const rows = placeList
    .filter((p) => p.kind === 'district')
    .sort((a, b) => (a.return?.date ?? '').localeCompare(b.return?.date ?? ''));
  return {
    title: 'Karabakh and the seven districts',
    content: [
      h('h1', null, 'Karabakh and the seven districts'),
      h(
        'p',
        { class: 'lede' },
        'Facts from one article (Baku, 27 September 2025) and the public sources it is checked against: each dated, ' +
          'placed and linked to the sentence it rests on. Start with the ',
        h('a', { href: '#/timeline' }, 'timeline'),
        ', a district below, or ',
        h('a', { href: '#/source' }, 'the article'),
        ' itself.',
      ),
      h(
        'figure',
        { class: 'map-figure' },
        map(geo.features.filter(isPoint), index),
        h(
          'figcaption',
          null,
          legend(),
          h(
            'p',
            { class: 'note' },
            'Markers are the centres of the districts and cities as the API gives them (',
            h('code', null, '/v1/places.geojson'),
            '); no borders are drawn. Select one to open its page.',
          ),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'districts-h' },
        h('h2', { id: 'districts-h' }, 'The seven districts'),
        h(
          'table',
          { class: 'districts' },
          h('caption', { class: 'visually-hidden' }, 'The seven districts, in the order they returned'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, 'District'),
              h('th', { scope: 'col' }, 'Came under Armenian control'),
              h('th', { scope: 'col' }, 'Returned to Azerbaijani control'),
              h('th', { scope: 'col' }, 'How'),
            ),
          ),
          h(
            'tbody',
            null,
            rows.map((d) =>
              h(
                'tr',
                null,
                h(
                  'th',
                  { scope: 'row' },
                  h('a', { href: `#/district/${d.slug}`, lang: 'en' }, d.name),
                  ' ',
                  otherNames(d),
                ),
                h('td', null, d.occupation ? time(d.occupation.date) : '—'),
                h('td', null, d.return ? time(d.return.date) : '—'),
                h(
                  'td',
                  null,
                  d.return
                    ? h(
                        'span',
                        { class: `mode mode-${d.return.mode}` },
                        d.return.mode === 'handover' ? 'handover' : 'military operation',
                      )
                    : '—',
                ),
              ),
            ),
          ),
        ),
      ),
    ],
  };
}
