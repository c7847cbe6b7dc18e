// Pieces every page uses: dates in <time> elements with their precision, places under their English names with
// their other names beside them, facts that link to their quote, claims shown as claims, citations.
import {
  recordKey,
  type Citation,
  type Claim,
  type DateSpan,
  type Place,
  type RecordRef,
  type Statistic,
} from './api.js';
import { h, joined, type Child } from './dom.js';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(iso: string) {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return { y, m, d };
}

export const dayLabel = (iso: string) => {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
export const monthLabel = (iso: string) => {
  const { y, m } = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
};
const yearLabel = (iso: string) => String(parts(iso).y);

/** One date, machine-readable: `<time datetime="2020-09-27">27 September 2020</time>`. */
export function time(iso: string, label = dayLabel(iso), attrs: Record<string, string> = {}) {
  return h('time', { datetime: iso, ...attrs }, label);
}

export const PRECISION: Record<DateSpan['precision'], string> = {
  day: 'known to the day',
  month: 'known to the month',
  year: 'known to the year',
  decade: 'known to the decade',
  approximate: 'approximate',
};

/**
 * A dated span at its precision: a day-precise fact is a day (or days), an "early 1990s" fact is the span
 * 1990 – 1994 marked approximate, with the source's own words beside it.
 */
export function when(date: DateSpan, options: { words?: boolean } = {}): HTMLElement {
  const { start_date: s, end_date: end, precision: p } = date;
  const label = p === 'day' ? dayLabel : p === 'month' ? monthLabel : yearLabel;
  // An ongoing process has an open end (null): shown as "since" its start, never closed at a made-up day.
  if (end === null) return h('span', { class: `when precision-${p} when-open` }, 'since ', time(s, label(s)));
  const e = end;
  const one = label(s) === label(e);
  const dates: Child[] = one
    ? [time(s, label(s), s === e ? {} : { title: `between ${dayLabel(s)} and ${dayLabel(e)}` })]
    : [time(s, label(s)), '\u2009–\u2009', time(e, label(e))];
  const showWords = options.words ?? p !== 'day';
  return h(
    'span',
    { class: `when precision-${p}` },
    p === 'approximate' || p === 'decade' ? h('abbr', { title: 'approximately' }, 'c.\u00a0') : null,
    dates,
    p === 'day' ? null : [' ', h('span', { class: 'precision' }, PRECISION[p])],
    showWords && date.date_text && date.date_text !== dayLabel(s)
      ? [' ', h('q', { class: 'date-text', title: 'The source’s own words for the date' }, date.date_text)]
      : null,
  );
}

export const humanize = (snake: string) => snake.replaceAll('_', ' ');

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export const number = (n: number) => NUMBER.format(n);

const QUALIFIER: Record<Statistic['qualifier'], string> = {
  exact: '',
  approximate: 'about ',
  at_least: 'at least ',
  more_than: 'more than ',
};
export const statValue = (s: Statistic) => `${QUALIFIER[s.qualifier]}${number(s.value)} ${humanize(s.unit)}`;

// Places ---------------------------------------------------------------------------------------------------

export const placeHref = (slug: string, kind: string) =>
  kind === 'district' ? `#/district/${slug}` : `#/place/${slug}`;

/** The names beside the English one: Azerbaijani, Russian, Armenian (the official form where there is one). */
export function otherNames(place: Pick<Place, 'names'> | undefined): Child {
  if (!place) return null;
  const picks = ['az', 'ru', 'hy']
    .map((lang) => {
      const inLang = place.names.filter((n) => n.language === lang);
      return inLang.find((n) => n.kind === 'official') ?? inLang[0];
    })
    .filter((n) => n !== undefined);
  if (picks.length === 0) return null;
  return h(
    'span',
    { class: 'other-names' },
    '(',
    joined(
      picks.map((n) => h('span', { lang: n.language, title: languageName(n.language) }, n.name)),
      ' · ',
    ),
    ')',
  );
}

const LANGUAGES: Record<string, string> = {
  en: 'English',
  az: 'Azerbaijani',
  ru: 'Russian',
  hy: 'Armenian',
  'hy-Latn': 'Armenian (Latin script)',
};
export const languageName = (tag: string) => LANGUAGES[tag] ?? tag;

/** A place under its English name, linked, with its other names beside it. */
export function placeLabel(ref: { slug: string; name: string; kind: string }, index: Map<string, Place>): Child[] {
  const place = index.get(ref.slug);
  const linkable = place?.kind !== 'country' && place?.kind !== 'region';
  const others = otherNames(place);
  return [
    linkable
      ? h('a', { href: placeHref(ref.slug, ref.kind), lang: 'en' }, ref.name)
      : h('span', { lang: 'en' }, ref.name),
    others ? [' ', others] : null,
  ];
}

// Facts, quotes and claims -----------------------------------------------------------------------------------

export const quoteHref = (c: Pick<Citation, 'source_id' | 'id'>) => `#/source/${c.source_id}?cite=${c.id}`;

/**
 * A fact's title. When a document quotes it, the title links to that quote in the source (highlighted there);
 * otherwise it links to the fact's own page, if it has one.
 */
export function fact(record: RecordRef, title: string, quotes: Map<string, Citation[]>, detailHref?: string): Child[] {
  const quote = quotes.get(recordKey(record))?.[0];
  if (!quote) return [detailHref ? h('a', { href: detailHref }, title) : title];
  return [
    h(
      'a',
      { href: quoteHref(quote), class: 'fact', 'data-record': recordKey(record) },
      title,
      h('span', { class: 'visually-hidden' }, ' (show the quote in the source)'),
    ),
    detailHref
      ? [' ', h('a', { href: detailHref, class: 'details', 'aria-label': `Details: ${title}` }, 'details')]
      : null,
  ];
}

/** Where a record comes from: its quotes (linked into the source) and the reference pages cited for it. */
export function citationList(citations: Citation[]): HTMLElement | null {
  if (citations.length === 0) return null;
  return h(
    'ul',
    { class: 'citations' },
    citations.map((c) =>
      h(
        'li',
        null,
        c.quote !== null
          ? [h('a', { href: quoteHref(c), class: 'quote' }, h('q', null, c.quote)), ' — ', c.source_title]
          : [
              c.url
                ? h('a', { href: c.url, rel: 'external noreferrer', class: 'reference' }, c.source_title)
                : c.source_title,
              c.note ? [': ', h('q', null, c.note)] : null,
            ],
      ),
    ),
  );
}

const CLAIM_KIND: Record<Claim['kind'], string> = {
  characterisation: 'Characterisation',
  allegation: 'Allegation',
  denial: 'Denial',
  account: 'Account',
};

/** A claim, attributed: "Allegation — according to the article: …", never set as a fact. */
export function claimCard(claim: Claim, eventTitle?: (id: string) => string | undefined): HTMLElement {
  const about = claim.event_id ? eventTitle?.(claim.event_id) : undefined;
  return h(
    'article',
    { class: 'claim', id: `claim-${claim.id}`, 'aria-label': `Claim: according to ${claim.claimant}` },
    h(
      'p',
      { class: 'claim-by' },
      h('span', { class: 'claim-kind' }, CLAIM_KIND[claim.kind]),
      ' — according to ',
      h('strong', null, claim.claimant),
      about && claim.event_id ? [', about ', h('a', { href: `#/event/${claim.event_id}` }, about)] : null,
    ),
    h('p', { class: 'claim-statement' }, claim.statement),
    citationList(claim.citations),
  );
}

/** A page section with a heading. */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function definitionList(rows: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
  );
}
