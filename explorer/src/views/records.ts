// Pages of single records: an event, an agreement; and the lists of claims and figures.
import { agreement, claims, event, places, quotesByRecord, statistics, timeline } from '../api.js';
import { h, joined } from '../dom.js';
import { citationList, claimCard, definitionList, fact, humanize, placeLabel, section, time, when } from '../parts.js';
import { statisticsTable } from './place.js';
import type { View } from './view.js';

export async function eventView(id: string): Promise<View> {
  const [e, quotes, placeList] = await Promise.all([event(id), quotesByRecord(), places()]);
  const index = new Map(placeList.map((p) => [p.slug, p]));
  return {
    title: e.title,
    content: [
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/timeline' }, 'Timeline'), ' › Event'),
      h('h1', null, e.title),
      h(
        'p',
        { class: 'event-when' },
        when(e.date, { words: true }),
        ' · ',
        h('span', { class: 'tl-kind' }, humanize(e.kind)),
      ),
      h('p', { class: 'lede' }, e.summary),
      definitionList([
        [
          'Places',
          e.places.length
            ? joined(
                e.places.map((p) => [placeLabel(p, index), ` (${humanize(p.role)})`]),
                '; ',
              )
            : null,
        ],
        [
          'Actors',
          e.actors.length
            ? joined(
                e.actors.map((a) => `${a.name} (${humanize(a.role)})`),
                '; ',
              )
            : null,
        ],
        [
          'Part of',
          e.parent ? [h('a', { href: `#/event/${e.parent.id}` }, e.parent.title), ' ', when(e.parent.date)] : null,
        ],
        [
          'Includes',
          e.children.length
            ? h(
                'ul',
                null,
                e.children.map((c) =>
                  h(
                    'li',
                    null,
                    when(c.date),
                    ' ',
                    fact({ type: 'event', id: c.id }, c.title, quotes, `#/event/${c.id}`),
                  ),
                ),
              )
            : null,
        ],
      ]),
      e.statistics.length
        ? section('Figures', statisticsTable(e.statistics, quotes, `Figures about ${e.title}`))
        : null,
      e.claims.length
        ? section(
            'What the sources claim',
            h('p', { class: 'note' }, 'Characterisations and allegations, attributed to who makes them; not facts.'),
            e.claims.map((c) => claimCard(c)),
          )
        : null,
      section('Sources', citationList(e.citations) ?? h('p', null, 'No citations.')),
    ],
  };
}

export async function agreementView(id: string): Promise<View> {
  const [a, placeList] = await Promise.all([agreement(id), places()]);
  const index = new Map(placeList.map((p) => [p.slug, p]));
  return {
    title: a.short_title,
    content: [
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/timeline' }, 'Timeline'), ' › Agreement'),
      h('h1', null, a.short_title),
      h('p', { class: 'lede' }, a.title),
      definitionList([
        ['Signed', [time(a.signed_on), ' ', h('q', { class: 'date-text' }, a.signed_date_text)]],
        ['Status', a.status],
        [
          'Signatories',
          a.signatories.length
            ? joined(
                a.signatories.map((s) => `${s.name}, ${s.office}`),
                '; ',
              )
            : null,
        ],
        ['Event', a.event_id ? h('a', { href: `#/event/${a.event_id}` }, 'the signing') : null],
      ]),
      a.note ? h('p', { class: 'note' }, a.note) : null,
      a.provisions.length
        ? section(
            'Provisions',
            h(
              'ol',
              { class: 'provisions' },
              a.provisions.map((p) => h('li', { value: p.point }, p.text, citationList(p.citations))),
            ),
          )
        : null,
      a.places.length
        ? section(
            'Places',
            h(
              'ul',
              { class: 'agreement-places' },
              a.places.map((p) =>
                h(
                  'li',
                  null,
                  placeLabel({ slug: p.slug, name: p.name, kind: index.get(p.slug)?.kind ?? 'place' }, index),
                  `: ${humanize(p.effect)}`,
                  p.due_on ? [', due by ', time(p.due_on)] : null,
                  p.effective_on ? [', effective ', time(p.effective_on)] : null,
                  p.note ? h('span', { class: 'note' }, ` (${p.note})`) : null,
                ),
              ),
            ),
          )
        : null,
      section('Sources', citationList(a.citations) ?? h('p', null, 'No citations.')),
    ],
  };
}

/** Scrolls to an element of the page and marks it as the one asked for (`?focus=<id>`). */
function focusOn(id: string | null) {
  if (!id) return undefined;
  return () => {
    const target = document.getElementById(id);
    if (!target) return;
    target.classList.add('current');
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  };
}

export async function claimsView(query: URLSearchParams): Promise<View> {
  const [list, items] = await Promise.all([claims(), timeline()]);
  const titles = new Map(items.map((i) => [i.id, i.title]));
  const focus = query.get('focus');
  return {
    title: 'Claims',
    content: [
      h('h1', null, 'Claims'),
      h(
        'p',
        { class: 'lede' },
        'What the sources say in their own words — characterisations, allegations, accounts — attributed to who ' +
          'says them. The facts elsewhere are written in neutral words; these are not facts.',
      ),
      list.map((c) => claimCard(c, (id) => titles.get(id))),
    ],
    shown: focusOn(focus && `claim-${focus}`),
  };
}

export async function statisticsView(query: URLSearchParams): Promise<View> {
  const [list, quotes] = await Promise.all([statistics(), quotesByRecord()]);
  const focus = query.get('focus');
  return {
    title: 'Figures',
    content: [
      h('h1', null, 'Figures'),
      h(
        'p',
        { class: 'lede' },
        'Counts and measures with who reported them and when. Figures from different reporters are never merged.',
      ),
      statisticsTable(list, quotes, 'All figures'),
    ],
    shown: focusOn(focus && `stat-${focus}`),
  };
}
