// A source's page: the article verbatim with every cited sentence highlighted (from the citations' offsets), and
// `?cite=<id>` scrolling to one quote and marking it as the current one.
import {
  actors,
  claims,
  places,
  source,
  sourceCitations,
  sources,
  timeline,
  type Citation,
  type RecordRef,
} from '../api.js';
import { h, joined, type Child } from '../dom.js';
import { definitionList, languageName, placeHref, section, time } from '../parts.js';
import type { View } from './view.js';

interface Labeller {
  (record: RecordRef): { label: string; href?: string };
}

async function labeller(): Promise<Labeller> {
  const [items, claimList, placeList, actorList] = await Promise.all([timeline(), claims(), places(), actors()]);
  const titles = new Map(items.map((i) => [`${i.type}:${i.id}`, i.title]));
  const claimById = new Map(claimList.map((c) => [c.id, c]));
  const placeBySlug = new Map(placeList.map((p) => [p.slug, p]));
  const actorById = new Map(actorList.map((a) => [a.id, a]));
  return ({ type, id, name, point }) => {
    switch (type) {
      case 'event':
        return { label: `Event: ${titles.get(`event:${id}`) ?? id}`, href: `#/event/${id}` };
      case 'agreement':
        return { label: `Agreement: ${titles.get(`agreement:${id}`) ?? id}`, href: `#/agreement/${id}` };
      case 'statistic':
        return { label: `Figure: ${titles.get(`statistic:${id}`) ?? id}`, href: `#/statistics?focus=${id}` };
      case 'claim': {
        const claim = claimById.get(id);
        return {
          label: `Claim by ${claim?.claimant ?? 'the source'}: ${claim?.statement ?? id}`,
          href: `#/claims?focus=${id}`,
        };
      }
      case 'place': {
        const place = placeBySlug.get(id);
        return { label: `Place: ${place?.name ?? id}`, href: place ? placeHref(place.slug, place.kind) : undefined };
      }
      case 'actor':
        return { label: `Actor: ${actorById.get(id)?.name ?? id}` };
      case 'place_name': {
        // A name is cited as its place, with the name cited.
        const place = placeBySlug.get(id);
        return {
          label: `Name ${name ?? ''} of ${place?.name ?? id}`,
          href: place ? placeHref(place.slug, place.kind) : undefined,
        };
      }
      case 'observance':
        return { label: `Observance: ${id}`, href: `#/observances?focus=${id}` };
      case 'provision':
        // A provision is cited as its agreement, with its point number.
        return {
          label: `Point ${point ?? '?'} of ${titles.get(`agreement:${id}`) ?? id}`,
          href: `#/agreement/${id}`,
        };
    }
  };
}

/** The text cut at every quote boundary; each cut covered by quotes becomes a <mark> naming them. */
function highlighted(text: string, cites: Citation[], current: number | null, label: Labeller): HTMLElement {
  const spans = cites.filter((c): c is Citation & { start: number; end: number } => c.start !== null && c.end !== null);
  const bounds = [...new Set([0, text.length, ...spans.flatMap((c) => [c.start, c.end])])].sort((a, b) => a - b);
  const body = h('div', { class: 'source-text', lang: 'en' });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i] as number, bounds[i + 1] as number];
    const piece = text.slice(from, to);
    const covering = spans.filter((c) => c.start <= from && c.end >= to);
    if (covering.length === 0) {
      body.append(piece);
      continue;
    }
    const onlyClaims = covering.every((c) => c.record.type === 'claim');
    const isCurrent = current !== null && covering.some((c) => c.id === current);
    body.append(
      h(
        'mark',
        {
          class: [onlyClaims ? 'claim-quote' : 'fact-quote', isCurrent ? 'current' : ''].join(' ').trim(),
          'data-cites': covering.map((c) => c.id).join(' '),
          title: `Cited for: ${covering.map((c) => label(c.record).label).join('; ')}`,
        },
        piece,
      ),
    );
  }
  return body;
}

export async function sourceView(id: string | undefined, query: URLSearchParams): Promise<View> {
  const sourceId = id ?? (await sources()).find((s) => s.kind === 'document')?.id;
  if (!sourceId) return { title: 'No document', content: h('h1', null, 'No document source in this dataset') };
  const [src, cites, label] = await Promise.all([source(sourceId), sourceCitations(sourceId), labeller()]);
  const currentParam = Number(query.get('cite'));
  const current = cites.find((c) => c.id === currentParam) ?? null;

  const meta = definitionList([
    [
      'Published',
      src.published_on
        ? [time(src.published_on), src.place_of_publication ? `, ${src.place_of_publication}` : null]
        : src.place_of_publication,
    ],
    ['Publisher', src.publisher],
    ['Language', languageName(src.language)],
    ['Address', src.url ? h('a', { href: src.url, rel: 'external noreferrer' }, src.url) : null],
    ['Licence', src.licence],
    ['SHA-256 of the text', src.sha256 ? h('code', { class: 'hash' }, src.sha256) : null],
    ['Citations', String(src.citation_count)],
  ]);

  const recordLink = (record: RecordRef): Child => {
    const { label: text, href } = label(record);
    return href ? h('a', { href }, text) : text;
  };

  // One entry per quoted passage, with every record it supports.
  const passages = new Map<string, Citation[]>();
  for (const c of cites) {
    const key = c.start !== null ? `${c.start}-${c.end}` : `ref-${c.id}`;
    passages.set(key, [...(passages.get(key) ?? []), c]);
  }

  const callout = current
    ? h(
        'div',
        { class: 'callout', role: 'note', 'aria-labelledby': 'callout-h' },
        h('h2', { id: 'callout-h' }, 'Highlighted quote'),
        h('p', null, h('q', null, current.quote ?? current.note ?? '')),
        h('p', null, 'It supports: ', recordLink(current.record), '.'),
      )
    : null;

  return {
    title: src.title,
    content: [
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, 'Overview'), ' › Source'),
      h('h1', null, src.title),
      meta,
      callout,
      src.text !== null
        ? section(
            'Text',
            h(
              'p',
              { class: 'note' },
              h('mark', { class: 'fact-quote' }, 'Highlighted'),
              ' sentences are quoted for a fact; ',
              h('mark', { class: 'claim-quote' }, 'underlined'),
              ' ones only for a claim the article makes. Hover one to see what it supports, or use the list below.',
            ),
            highlighted(src.text, cites, current?.id ?? null, label),
          )
        : null,
      section(
        src.text !== null ? 'Cited passages' : 'What this source is cited for',
        h(
          'ol',
          { class: 'passages' },
          [...passages.values()].map((group) => {
            const first = group[0] as Citation;
            return h(
              'li',
              { 'data-cites': group.map((c) => c.id).join(' ') },
              first.quote !== null
                ? h('a', { href: `#/source/${sourceId}?cite=${first.id}`, class: 'quote' }, h('q', null, first.quote))
                : first.note
                  ? h('q', null, first.note)
                  : null,
              h(
                'span',
                { class: 'supports' },
                ' — ',
                joined(
                  group.map((c) => recordLink(c.record)),
                  '; ',
                ),
              ),
            );
          }),
        ),
      ),
    ],
    shown: current
      ? () => {
          const mark = document.querySelector<HTMLElement>('mark.current');
          if (!mark) return;
          mark.tabIndex = -1;
          mark.focus({ preventScroll: true });
          const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
          mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
        }
      : undefined,
  };
}
