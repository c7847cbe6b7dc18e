// The timeline: every event, agreement and (optionally) figure from the early 1990s to today, one row each, on a
// shared axis that zooms down to the 44 days of the war. A day-precise fact is a dot; a span is a bar; a fact
// known only roughly ("early 1990s") is a faded bar over the whole span it may cover.
import { quotesByRecord, timeline, type TimelineItem } from '../api.js';
import { h, type Child } from '../dom.js';
import { dayLabel, fact, humanize, time, when } from '../parts.js';
import type { View } from './view.js';

const DAY_MS = 86_400_000;
const toDay = (iso: string) => {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const toIso = (day: number) => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
const todayIso = () => toIso(Math.floor(Date.now() / DAY_MS));

export const FULL_FROM = '1989-01-01';
export const WAR = { from: '2020-09-27', to: '2020-11-10' };
const MIN_DAYS = 14;
const TYPES = ['event', 'agreement', 'statistic'] as const;
type ItemType = (typeof TYPES)[number];
const TYPE_LABEL: Record<ItemType, string> = { event: 'Events', agreement: 'Agreements', statistic: 'Figures' };

interface State {
  from: number;
  to: number;
  types: Set<ItemType>;
}

const isIsoDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

function initialState(query: URLSearchParams): State {
  const full = { from: toDay(FULL_FROM), to: toDay(todayIso()) };
  const from = isIsoDay(query.get('from')) ? toDay(query.get('from') as string) : full.from;
  const to = isIsoDay(query.get('to')) ? toDay(query.get('to') as string) : full.to;
  const types = new Set(
    (query.get('types') ?? 'event,agreement').split(',').filter((t): t is ItemType => TYPES.includes(t as ItemType)),
  );
  return clamp({ from: Math.min(from, to), to: Math.max(from, to), types });
}

function clamp(state: State): State {
  const lo = toDay(FULL_FROM);
  const hi = toDay(todayIso());
  let { from, to } = state;
  if (to - from < MIN_DAYS) {
    const mid = (from + to) / 2;
    from = Math.round(mid - MIN_DAYS / 2);
    to = from + MIN_DAYS;
  }
  const width = Math.min(to - from, hi - lo);
  if (from < lo) [from, to] = [lo, lo + width];
  if (to > hi) [from, to] = [hi - width, hi];
  return { ...state, from: Math.round(from), to: Math.round(to) };
}

interface Tick {
  day: number;
  label: string;
  major: boolean;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ticks(from: number, to: number): Tick[] {
  const span = to - from;
  const start = new Date(from * DAY_MS);
  const end = new Date(to * DAY_MS);
  const out: Tick[] = [];
  if (span > 365 * 3) {
    const every = span > 365 * 15 ? 5 : span > 365 * 7 ? 2 : 1;
    for (let y = start.getUTCFullYear(); y <= end.getUTCFullYear() + 1; y++) {
      const day = Date.UTC(y, 0, 1) / DAY_MS;
      if (day < from || day > to) continue;
      out.push({ day, label: String(y), major: y % every === 0 });
    }
    return out;
  }
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= to * DAY_MS; m++) {
    if (m === 12) [y, m] = [y + 1, 0];
    const days = span > 120 ? [1] : [1, 10, 20];
    for (const d of days) {
      const day = Date.UTC(y, m, d) / DAY_MS;
      if (day < from || day > to) continue;
      const label =
        d === 1
          ? m === 0 || span <= 120
            ? `${SHORT_MONTHS[m]} ${y}`
            : (SHORT_MONTHS[m] ?? '')
          : `${d} ${SHORT_MONTHS[m]}`;
      out.push({ day, label, major: d === 1 && (span <= 365 || m % 3 === 0) });
    }
  }
  return out;
}

function detailHref(item: TimelineItem) {
  if (item.type === 'event') return `#/event/${item.id}`;
  if (item.type === 'agreement') return `#/agreement/${item.id}`;
  return `#/statistics?focus=${item.id}`;
}

export async function timelineView(query: URLSearchParams): Promise<View> {
  const [items, quotes] = await Promise.all([timeline(), quotesByRecord()]);
  let state = initialState(query);

  const status = h('p', { class: 'tl-status', role: 'status' });
  const chart = h('div', { class: 'tl-chart' });
  const fromInput = h('input', { type: 'date', id: 'tl-from', name: 'from', min: FULL_FROM, max: todayIso() });
  const toInput = h('input', { type: 'date', id: 'tl-to', name: 'to', min: FULL_FROM, max: todayIso() });

  const pct = (day: number) => ((day - state.from) / (state.to + 1 - state.from)) * 100;

  function bar(item: TimelineItem): HTMLElement {
    const s = toDay(item.date.start_date);
    // An open end (an ongoing process) runs past any window.
    const e = item.date.end_date === null ? Infinity : toDay(item.date.end_date);
    const p = item.date.precision;
    if (s === e && p === 'day') {
      const mark = h('span', { class: 'tl-point' });
      mark.style.left = `${pct(s + 0.5)}%`;
      return mark;
    }
    const left = pct(Math.max(s, state.from));
    const right = pct(Math.min(e, state.to) + 1);
    const classes = ['tl-span', p === 'day' ? 'tl-exact' : p === 'month' ? 'tl-vague' : 'tl-fuzzy'];
    if (s < state.from) classes.push('tl-open-left');
    if (e > state.to) classes.push('tl-open-right');
    const mark = h('span', { class: classes.join(' ') });
    mark.style.left = `${left}%`;
    mark.style.width = `${Math.max(right - left, 0)}%`;
    return mark;
  }

  function render() {
    const visible = items.filter(
      (item) =>
        state.types.has(item.type) &&
        (item.date.end_date === null || toDay(item.date.end_date) >= state.from) &&
        toDay(item.date.start_date) <= state.to,
    );
    const shown = items.filter((item) => state.types.has(item.type)).length;
    status.replaceChildren(
      `${visible.length} of ${shown} items from `,
      time(toIso(state.from)),
      ' to ',
      time(toIso(state.to)),
      '.',
    );
    fromInput.value = toIso(state.from);
    toInput.value = toIso(state.to);

    const grid = h(
      'div',
      { class: 'tl-grid', 'aria-hidden': 'true' },
      ticks(state.from, state.to).map((tick) => {
        const line = h('span', { class: tick.major ? 'tl-tick major' : 'tl-tick' }, tick.major ? tick.label : null);
        line.style.left = `${pct(tick.day)}%`;
        return line;
      }),
    );
    const rows = h(
      'ol',
      { class: 'tl-rows' },
      visible.map((item) =>
        h(
          'li',
          { class: `tl-row tl-${item.type}`, 'data-id': item.id },
          h(
            'div',
            { class: 'tl-label' },
            h('span', { class: 'tl-when' }, when(item.date), ' ', h('span', { class: 'tl-kind' }, humanize(item.kind))),
            h(
              'span',
              { class: 'tl-title' },
              fact({ type: item.type, id: item.id }, item.title, quotes, detailHref(item)),
            ),
          ),
          h('div', { class: 'tl-track', 'aria-hidden': 'true' }, bar(item)),
        ),
      ),
    );
    chart.replaceChildren(
      h('div', { class: 'tl-axis', 'aria-hidden': 'true' }, h('span', { class: 'tl-axis-label' }), grid),
      visible.length ? rows : h('p', { class: 'empty' }, 'Nothing in this window.'),
    );
    const params = new URLSearchParams({
      from: toIso(state.from),
      to: toIso(state.to),
      types: [...state.types].join(','),
    });
    history.replaceState(null, '', `#/timeline?${params}`);
  }

  const set = (next: Partial<State>) => {
    state = clamp({ ...state, ...next });
    render();
  };
  const zoom = (factor: number) => {
    const mid = (state.from + state.to) / 2;
    const half = ((state.to - state.from) * factor) / 2;
    set({ from: mid - half, to: mid + half });
  };
  const pan = (fraction: number) => {
    const shift = (state.to - state.from) * fraction;
    set({ from: state.from + shift, to: state.to + shift });
  };
  const button = (label: string, onclick: () => void, attrs: Record<string, string> = {}) =>
    h('button', { type: 'button', onclick: () => onclick(), ...attrs }, label);

  const controls = h(
    'div',
    { class: 'tl-controls' },
    h(
      'div',
      { class: 'tl-presets', role: 'group', 'aria-label': 'Periods' },
      button('1989 to today', () => set({ from: toDay(FULL_FROM), to: toDay(todayIso()) }), { 'data-preset': 'full' }),
      button('The 44-day war (27 Sep – 10 Nov 2020)', () => set({ from: toDay(WAR.from), to: toDay(WAR.to) }), {
        'data-preset': 'war',
      }),
    ),
    h(
      'div',
      { class: 'tl-zoom', role: 'group', 'aria-label': 'Zoom and move' },
      button('Zoom in', () => zoom(0.5), { 'aria-keyshortcuts': '+' }),
      button('Zoom out', () => zoom(2), { 'aria-keyshortcuts': '-' }),
      button('← Earlier', () => pan(-0.25), { 'aria-keyshortcuts': 'ArrowLeft' }),
      button('Later →', () => pan(0.25), { 'aria-keyshortcuts': 'ArrowRight' }),
    ),
    h(
      'form',
      {
        class: 'tl-range',
        onsubmit: (e: Event) => {
          e.preventDefault();
          if (fromInput.value && toInput.value) set({ from: toDay(fromInput.value), to: toDay(toInput.value) });
        },
      },
      h('label', { for: 'tl-from' }, 'From'),
      fromInput,
      h('label', { for: 'tl-to' }, 'to'),
      toInput,
      h('button', { type: 'submit' }, 'Show'),
    ),
    h(
      'fieldset',
      { class: 'tl-types' },
      h('legend', null, 'Show'),
      TYPES.map((type) =>
        h(
          'label',
          null,
          h('input', {
            type: 'checkbox',
            value: type,
            checked: state.types.has(type),
            onchange: (e: Event) => {
              const types = new Set(state.types);
              if ((e.target as HTMLInputElement).checked) types.add(type);
              else types.delete(type);
              set({ types });
            },
          }),
          ` ${TYPE_LABEL[type]}`,
        ),
      ),
    ),
  );

  // Keys on the chart: + and − zoom, ← and → move.
  chart.tabIndex = 0;
  chart.setAttribute('aria-label', 'Timeline chart: + and − zoom, arrow keys move');
  chart.addEventListener('keydown', (e) => {
    const actions: Record<string, () => void> = {
      '+': () => zoom(0.5),
      '=': () => zoom(0.5),
      '-': () => zoom(2),
      ArrowLeft: () => pan(-0.25),
      ArrowRight: () => pan(0.25),
    };
    const action = e.target === chart ? actions[e.key] : undefined;
    if (action) {
      e.preventDefault();
      action();
    }
  });

  render();
  const legend: Child = h(
    'ul',
    { class: 'tl-legend', 'aria-label': 'How dates are drawn' },
    h('li', null, h('span', { class: 'tl-point' }), ' known to the day'),
    h('li', null, h('span', { class: 'tl-span tl-exact' }), ' lasted over the days shown'),
    h('li', null, h('span', { class: 'tl-span tl-vague' }), ' known only to the month or year'),
    h('li', null, h('span', { class: 'tl-span tl-fuzzy' }), ' approximate, e.g. “early 1990s”: some time in the span'),
  );
  return {
    title: 'Timeline',
    content: [
      h('h1', null, 'Timeline'),
      h(
        'p',
        { class: 'lede' },
        'Every dated fact, from the early 1990s to ',
        time(todayIso(), dayLabel(todayIso())),
        '. Each is drawn at its precision; a title that links into the article shows the sentence it rests on.',
      ),
      controls,
      legend,
      status,
      chart,
    ],
  };
}
