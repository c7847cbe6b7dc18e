// The overview: a map of the seven districts' borders (SVG, no tiles), each filled by who controlled it on the day
// chosen, with the cities at their centres; and the districts' table.
import { districtsGeoJson, places, placesGeoJson } from '../api.js';
import { districtMap } from '../district-map.js';
import { h } from '../dom.js';
import { otherNames, time } from '../parts.js';
import type { View } from './view.js';

export async function homeView(): Promise<View> {
  const [districts, geo, placeList] = await Promise.all([districtsGeoJson(), placesGeoJson(), places()]);
  const cities = geo.features.flatMap((f) =>
    f.properties.kind === 'city' && f.geometry.type === 'Point'
      ? [{ slug: f.properties.slug, name: f.properties.name, kind: 'city', coordinates: f.geometry.coordinates }]
      : [],
  );
  const shown = districtMap(districts, cities);
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
        { class: 'map-figure', 'aria-labelledby': 'map-caption' },
        h('div', { class: 'map-column' }, shown.controls, shown.map),
        h(
          'figcaption',
          { id: 'map-caption' },
          shown.status,
          shown.legend,
          h(
            'p',
            { class: 'note' },
            'Borders from ',
            h('code', null, '/v1/districts.geojson'),
            ', each district labelled at its label point; the cities are markers at their centres. Select a district ' +
              'or city to open its page.',
          ),
          shown.credit,
          shown.caveats,
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
