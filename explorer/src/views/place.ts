// A district's (or any place's) page: its names in every language, when it came under Armenian control and how it
// returned, its events, its figures, the claims about its events, and its sources.
import {
  claims,
  district,
  place,
  places,
  quotesByRecord,
  timeline,
  type PlaceDetail,
  type Statistic,
  type Citation,
} from '../api.js';
import { h, type Child } from '../dom.js';
import {
  citationList,
  claimCard,
  definitionList,
  fact,
  humanize,
  languageName,
  number,
  otherNames,
  placeLabel,
  section,
  statValue,
  time,
  when,
} from '../parts.js';
import type { View } from './view.js';

export function statisticsTable(stats: Statistic[], quotes: Map<string, Citation[]>, caption: string): HTMLElement {
  return h(
    'table',
    { class: 'statistics' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Figure'),
        h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, 'As of'),
        h('th', { scope: 'col' }, 'Reported by'),
        h('th', { scope: 'col' }, 'Sources'),
      ),
    ),
    h(
      'tbody',
      null,
      stats.map((s) =>
        h(
          'tr',
          { id: `stat-${s.id}` },
          h('th', { scope: 'row' }, fact({ type: 'statistic', id: s.id }, s.label, quotes)),
          h('td', { class: 'num' }, statValue(s)),
          h(
            'td',
            null,
            s.as_of ? time(s.as_of) : null,
            s.as_of_text && s.as_of ? ' ' : null,
            s.as_of_text ? h('q', null, s.as_of_text) : null,
          ),
          h('td', null, s.reporter ?? '—'),
          h('td', null, citationList(s.citations)),
        ),
      ),
    ),
  );
}

async function placeView(detail: PlaceDetail): Promise<View> {
  const [quotes, claimList, items, placeList] = await Promise.all([quotesByRecord(), claims(), timeline(), places()]);
  const index = new Map(placeList.map((p) => [p.slug, p]));
  const titles = new Map(items.map((i) => [`${i.type}:${i.id}`, i.title]));
  const eventIds = new Set(detail.events.map((e) => e.id));
  const related = claimList.filter((c) => c.event_id !== null && eventIds.has(c.event_id));
  const isDistrict = detail.kind === 'district';
  const { occupation, return: ret } = detail;

  const names = h(
    'table',
    { class: 'names' },
    h('caption', { class: 'visually-hidden' }, `Names of ${detail.name}`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Language'),
        h('th', { scope: 'col' }, 'Kind'),
        h('th', { scope: 'col' }, 'Used by'),
        h('th', { scope: 'col' }, 'Refers to'),
      ),
    ),
    h(
      'tbody',
      null,
      detail.names.map((n) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row', lang: n.language }, n.name),
          h('td', null, languageName(n.language)),
          h('td', null, n.kind),
          h('td', null, n.used_by ?? '—'),
          h('td', null, n.applies_to ?? `the ${detail.kind}`),
        ),
      ),
    ),
  );

  const control: [string, Child][] = [
    [
      'Came under Armenian control',
      occupation
        ? [
            time(occupation.date),
            ' — ',
            fact(
              { type: 'event', id: occupation.event_id },
              titles.get(`event:${occupation.event_id}`) ?? 'the event',
              quotes,
              `#/event/${occupation.event_id}`,
            ),
          ]
        : null,
    ],
    [
      'Returned to Azerbaijani control',
      ret
        ? [
            time(ret.date),
            ' — ',
            h('span', { class: `mode mode-${ret.mode}` }, ret.mode === 'handover' ? 'handover' : 'military operation'),
            ': ',
            fact(
              { type: 'event', id: ret.event_id },
              titles.get(`event:${ret.event_id}`) ?? 'the event',
              quotes,
              `#/event/${ret.event_id}`,
            ),
            ret.agreement_id
              ? [
                  ', under ',
                  h(
                    'a',
                    { href: `#/agreement/${ret.agreement_id}` },
                    titles.get(`agreement:${ret.agreement_id}`) ?? 'the agreement',
                  ),
                ]
              : null,
          ]
        : null,
    ],
  ];

  const about: [string, Child][] = [
    ['Part of', detail.parent ? placeLabel(detail.parent, index) : null],
    ['Centre', detail.centre_name],
    ['Location', detail.location ? `${detail.location.lat.toFixed(4)}° N, ${detail.location.lon.toFixed(4)}° E` : null],
    [
      'Area',
      detail.area_km2 !== null
        ? [
            `${number(detail.area_km2)} km²`,
            detail.area_note ? h('span', { class: 'note' }, ` (${detail.area_note})`) : null,
          ]
        : null,
    ],
    [
      'Population',
      detail.population
        ? [
            number(detail.population.count),
            detail.population.year ? ` in ${detail.population.year}` : null,
            detail.population.basis ? h('span', { class: 'note' }, ` (${detail.population.basis})`) : null,
          ]
        : null,
    ],
    [
      'Places inside',
      detail.children.length ? detail.children.map((c, i) => [i ? ', ' : null, placeLabel(c, index)]) : null,
    ],
  ];

  return {
    title: detail.name,
    content: [
      h(
        'p',
        { class: 'breadcrumb' },
        h('a', { href: '#/' }, 'Overview'),
        ' › ',
        isDistrict ? 'District' : humanize(detail.kind),
      ),
      h('h1', { lang: 'en' }, detail.name, ' ', otherNames(detail)),
      section('Names', names),
      occupation || ret
        ? section(
            'Occupation and return',
            definitionList(control),
            detail.note ? h('p', { class: 'note' }, detail.note) : null,
          )
        : null,
      section(
        'About',
        definitionList(about),
        !occupation && !ret && detail.note ? h('p', { class: 'note' }, detail.note) : null,
      ),
      section(
        'Events',
        detail.events.length
          ? h(
              'ol',
              { class: 'events' },
              detail.events.map((e) =>
                h(
                  'li',
                  null,
                  when(e.date),
                  ' ',
                  h('span', { class: 'title' }, fact({ type: 'event', id: e.id }, e.title, quotes, `#/event/${e.id}`)),
                  ' ',
                  h('span', { class: 'role' }, humanize(e.role)),
                ),
              ),
            )
          : h('p', null, 'No events recorded.'),
      ),
      detail.statistics.length
        ? section('Figures', statisticsTable(detail.statistics, quotes, `Figures for ${detail.name}`))
        : null,
      related.length
        ? section(
            'What the sources claim',
            h('p', { class: 'note' }, 'Characterisations and allegations, attributed to who makes them; not facts.'),
            related.map((c) => claimCard(c, (id) => titles.get(`event:${id}`))),
          )
        : null,
      detail.citations.length ? section('Sources', citationList(detail.citations)) : null,
    ],
  };
}

export async function districtView(slug: string): Promise<View> {
  return placeView(await district(slug));
}

export async function otherPlaceView(slug: string): Promise<View> {
  return placeView(await place(slug));
}
