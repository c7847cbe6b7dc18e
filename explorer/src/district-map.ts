// The districts' map: their real borders from /v1/districts.geojson as SVG paths, each filled by who controlled it on
// the day chosen ("on …"): not yet under Armenian control, under it, or returned (by military operation or handover).
// The cities are markers at their centres. The day control is a date field and a slider over the days control
// changed, kept in step; what the map shows is also said in words, in a live region.
import type { Schemas } from './api.js';
import { h, svg } from './dom.js';
import { dayLabel, MONTHS, placeHref } from './parts.js';

export type DistrictsGeoJson = Schemas['DistrictsGeoJson'];
type DistrictFeature = DistrictsGeoJson['features'][number];
/** A place drawn as a marker: its slug, name, kind and [longitude, latitude]. */
export interface MarkedPlace {
  slug: string;
  name: string;
  kind: string;
  coordinates: number[];
}
type Position = number[];

/** Who controlled a district on a day, from its occupation and return. */
export type ControlState = 'before' | 'armenian' | 'military_operation' | 'handover' | 'returned_other';

export const CONTROL: Record<ControlState, { label: string; colour: string; pattern?: string }> = {
  before: { label: 'Under Azerbaijani control, before coming under Armenian control', colour: '#ece6d2' },
  armenian: { label: 'Under Armenian control', colour: '#9a9a9a', pattern: 'hatch-armenian' },
  military_operation: { label: 'Returned: taken in the 2020 military operation', colour: '#b35806' },
  handover: { label: 'Returned: handed over under the 10 November 2020 statement', colour: '#1f5fa0' },
  returned_other: { label: 'Returned to Azerbaijani control', colour: '#6b6b6b' },
};

export function controlOn(day: string, p: DistrictFeature['properties']): ControlState {
  if (p.return && p.return.date <= day) {
    return p.return.mode === 'military_operation' || p.return.mode === 'handover' ? p.return.mode : 'returned_other';
  }
  if (p.occupation && p.occupation.date <= day) return 'armenian';
  return 'before';
}

const fillOf = (state: ControlState) => {
  const c = CONTROL[state];
  return c.pattern ? `url(#${c.pattern})` : c.colour;
};

function statusWords(state: ControlState, p: DistrictFeature['properties']): string {
  if (state === 'before') return 'not yet under Armenian control';
  if (state === 'armenian') return `under Armenian control since ${dayLabel(p.occupation?.date ?? '')}`;
  const how = state === 'handover' ? 'handed over' : state === 'military_operation' ? 'military operation' : '';
  return `returned on ${dayLabel(p.return?.date ?? '')}${how ? ` (${how})` : ''}`;
}

const shortDay = (iso: string) => {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return `${d} ${(MONTHS[m - 1] ?? '').slice(0, 3)} ${y}`;
};

const rings = (g: DistrictFeature['geometry']): Position[][] =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

/** Today as YYYY-MM-DD (UTC), the control's upper bound. */
const today = () => new Date().toISOString().slice(0, 10);

export function districtMap(districts: DistrictsGeoJson, cities: MarkedPlace[], initialDay = today()) {
  const positions = [
    ...districts.features.flatMap((f) => rings(f.geometry).flat()),
    ...cities.map((c) => c.coordinates),
  ];
  const lons = positions.map((p) => p[0] ?? 0);
  const lats = positions.map((p) => p[1] ?? 0);
  const pad = 0.05;
  const [west, east] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
  const [south, north] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
  // Equirectangular around the middle latitude: right for a region this small.
  const cos = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const width = 560;
  const k = width / ((east - west) * cos);
  const height = Math.round((north - south) * k);
  const x = (lon: number) => Math.round((lon - west) * cos * k * 10) / 10;
  const y = (lat: number) => Math.round((north - lat) * k * 10) / 10;
  // Exterior rings run counter-clockwise, holes clockwise (RFC 7946): evenodd fills each as it should.
  const pathOf = (g: DistrictFeature['geometry']) =>
    rings(g)
      .map((ring) => `M${ring.map(([lon = 0, lat = 0]) => `${x(lon)} ${y(lat)}`).join('L')}Z`)
      .join('');

  const km20 = (20 / 111.32) * k;
  const districtLinks = districts.features.map((f) => {
    const p = f.properties;
    const [lx = 0, ly = 0] = p.label_point.coordinates;
    const border = svg('path', { class: 'border', d: pathOf(f.geometry), 'fill-rule': 'evenodd' });
    const status = svg('tspan', { class: 'status', x: x(lx), dy: '1.2em' });
    const label = svg('text', { class: 'label district', x: x(lx), y: y(ly), 'text-anchor': 'middle' }, p.name, status);
    const title = svg('title', null);
    const link = svg(
      'a',
      { href: placeHref(p.slug, 'district'), class: 'place place-district', 'data-slug': p.slug },
      title,
      border,
      label,
    );
    return { feature: f, link, border, status, title };
  });

  const cityMarkers = cities.map((c) => {
    const [lon = 0, lat = 0] = c.coordinates;
    const p = c;
    return svg(
      'a',
      {
        href: placeHref(p.slug, p.kind),
        class: `place place-${p.kind}`,
        'data-slug': p.slug,
        'aria-label': `${p.name}, ${p.kind}`,
      },
      svg('title', null, p.name),
      svg('circle', { class: 'marker city', cx: x(lon), cy: y(lat), r: 4 }),
      svg('text', { class: 'label', x: x(lon) + 7, y: y(lat) + 4 }, p.name),
    );
  });

  const map = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'group', 'aria-labelledby': 'map-title' },
    svg('title', { id: 'map-title' }, "Map of the seven districts' borders, by who controlled each on the day chosen"),
    svg(
      'defs',
      null,
      svg(
        'pattern',
        { id: 'hatch-armenian', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 6, height: 6, fill: CONTROL.armenian.colour }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#5c5c5c', 'stroke-width': 2 }),
      ),
    ),
    svg('rect', { class: 'sea', x: 0, y: 0, width, height }),
    svg(
      'g',
      { class: 'scale', 'aria-hidden': 'true', transform: `translate(${width - km20 - 16} ${height - 24})` },
      svg('path', { d: `M0 0v6h${km20}v-6` }),
      svg('text', { x: km20 / 2, y: -4, 'text-anchor': 'middle' }, '20 km'),
    ),
    svg('text', { class: 'north', x: width - 18, y: 24, 'text-anchor': 'middle', 'aria-hidden': 'true' }, 'N ↑'),
    svg(
      'g',
      { class: 'districts' },
      districtLinks.map((d) => d.link),
    ),
    svg('g', { class: 'cities' }, cityMarkers),
  );

  // The days control changed, for the slider: the first occupation's eve, then each change in order.
  const changes = [
    ...new Set(districts.features.flatMap((f) => [f.properties.occupation?.date, f.properties.return?.date])),
  ]
    .filter((d): d is string => Boolean(d))
    .sort();
  const eve = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const steps = changes.length ? [eve(changes[0] as string), ...changes] : [initialDay];
  const max = today();

  const dateInput = h('input', {
    type: 'date',
    id: 'map-date',
    min: '1988-01-01',
    max,
    value: initialDay,
    'aria-describedby': 'map-status',
  });
  const slider = h('input', {
    type: 'range',
    id: 'map-step',
    min: 0,
    max: steps.length - 1,
    step: 1,
    value: 0,
  });
  const status = h('p', { id: 'map-status', class: 'map-status', 'aria-live': 'polite', 'aria-atomic': 'true' });

  function show(day: string) {
    const byState = new Map<ControlState, string[]>();
    for (const d of districtLinks) {
      const p = d.feature.properties;
      const state = controlOn(day, p);
      d.border.setAttribute('fill', fillOf(state));
      d.link.setAttribute('data-state', state);
      const words = statusWords(state, p);
      d.status.textContent =
        state === 'before'
          ? 'Azerbaijani control'
          : state === 'armenian'
            ? 'Armenian control'
            : `returned ${shortDay(p.return?.date ?? '')}`;
      d.link.setAttribute('aria-label', `${p.name} district on ${dayLabel(day)}: ${words}`);
      d.title.textContent = `${p.name}: ${words}`;
      byState.set(state, [...(byState.get(state) ?? []), p.name]);
    }
    const returned = [...byState.entries()].filter(([s]) => s !== 'before' && s !== 'armenian').flatMap(([, n]) => n);
    const parts = [
      returned.length ? `returned to Azerbaijani control: ${returned.join(', ')}` : null,
      byState.get('armenian')?.length ? `under Armenian control: ${byState.get('armenian')!.join(', ')}` : null,
      byState.get('before')?.length ? `not yet under Armenian control: ${byState.get('before')!.join(', ')}` : null,
    ].filter(Boolean);
    status.textContent = `On ${dayLabel(day)}, ${parts.join('; ')}.`;
    status.setAttribute('data-day', day);
    // The slider sits on the last change up to that day.
    let at = 0;
    steps.forEach((s, i) => {
      if (s <= day) at = i;
    });
    slider.value = String(at);
    slider.setAttribute('aria-valuetext', dayLabel(day));
  }

  dateInput.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) show(dateInput.value);
  });
  slider.addEventListener('input', () => {
    const day = steps[Number(slider.value)] ?? steps[0]!;
    dateInput.value = day;
    show(day);
  });

  // The states the data passes through, on any of the days control changed.
  const occurring = new Set(steps.flatMap((day) => districts.features.map((f) => controlOn(day, f.properties))));
  const legend = h(
    'ul',
    { class: 'map-legend', 'aria-label': 'Legend' },
    (Object.keys(CONTROL) as ControlState[])
      .filter((state) => occurring.has(state))
      .map((state) =>
        h(
          'li',
          { 'data-state': state },
          svg(
            'svg',
            { viewBox: '0 0 18 18', width: 18, height: 18, 'aria-hidden': 'true' },
            svg('rect', { x: 1, y: 1, width: 16, height: 16, fill: fillOf(state), stroke: '#555' }),
          ),
          ' ',
          CONTROL[state].label,
        ),
      ),
  );

  const controls = h(
    'fieldset',
    { class: 'map-controls' },
    h('legend', null, 'Who controlled each district'),
    h('label', { for: 'map-date' }, 'On '),
    dateInput,
    h('label', { for: 'map-step', class: 'step-label' }, 'or step through the days control changed'),
    slider,
  );

  const credit = h('p', { class: 'credit' }, districts.attribution);
  const caveats = h(
    'details',
    { class: 'caveats' },
    h('summary', null, 'What the borders are and are not'),
    h(
      'ul',
      null,
      districts.caveats.map((c) => h('li', null, c)),
    ),
  );

  show(initialDay);
  return { map, controls, status, legend, credit, caveats, show };
}
