// The explorer's entry: hash routes (`#/district/lachin`, `#/source/article-2025-09-27?cite=95`) render into <main>.
// After each navigation the new page's heading gets focus and a live region announces it.
import { ApiError } from '../../clients/typescript/src/index.js';
import { showCiteThis } from './cite-this.js';
import { h } from './dom.js';
import { homeView } from './views/home.js';
import { districtView, otherPlaceView } from './views/place.js';
import { observancesView } from './views/observances.js';
import { agreementView, claimsView, eventView, statisticsView } from './views/records.js';
import { sourceView } from './views/source.js';
import { timelineView } from './views/timeline.js';
import type { View } from './views/view.js';

const SITE = 'Karabakh History Explorer';
const SLUG = '([a-z0-9]+(?:-[a-z0-9]+)*)';

type Route = [RegExp, (match: RegExpMatchArray, query: URLSearchParams) => Promise<View>];
const routes: Route[] = [
  [/^\/?$/, () => homeView()],
  [/^\/timeline$/, (_m, q) => timelineView(q)],
  [new RegExp(`^/district/${SLUG}$`), (m) => districtView(m[1] as string)],
  [new RegExp(`^/place/${SLUG}$`), (m) => otherPlaceView(m[1] as string)],
  [new RegExp(`^/event/${SLUG}$`), (m) => eventView(m[1] as string)],
  [new RegExp(`^/agreement/${SLUG}$`), (m) => agreementView(m[1] as string)],
  [new RegExp(`^/source(?:/${SLUG})?$`), (m, q) => sourceView(m[1], q)],
  [/^\/claims$/, (_m, q) => claimsView(q)],
  [/^\/statistics$/, (_m, q) => statisticsView(q)],
  [/^\/observances$/, () => observancesView()],
];

function notFound(message: string): View {
  return {
    title: 'Not found',
    content: [
      h('h1', null, 'Not found'),
      h('p', null, message, ' '),
      h('p', null, h('a', { href: '#/' }, 'Back to the overview')),
    ],
  };
}

function failed(error: unknown): View {
  if (error instanceof ApiError && error.status === 404) return notFound(error.problem?.detail ?? 'No such record.');
  return {
    title: 'Something went wrong',
    content: [
      h('h1', null, 'Something went wrong'),
      h('p', null, error instanceof Error ? error.message : String(error)),
      h('p', null, h('button', { type: 'button', onclick: () => void render() }, 'Try again')),
    ],
  };
}

const main = document.getElementById('main') as HTMLElement;
const announcer = document.getElementById('announcer') as HTMLElement;
let generation = 0;
let firstRender = true;

async function render() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = hash.split('?', 2);
  const query = new URLSearchParams(search);
  const current = ++generation;
  main.setAttribute('aria-busy', 'true');
  let view: View;
  try {
    const route = routes.find(([pattern]) => pattern.test(path));
    view = route ? await route[1](path.match(route[0]) as RegExpMatchArray, query) : notFound(`No page at ${hash}.`);
  } catch (error) {
    view = failed(error);
  }
  if (current !== generation) return; // a later navigation won
  main.replaceChildren(h('div', { class: 'page' }, view.content));
  main.dataset.path = path; // which route is on show (the browser tests wait on it)
  main.removeAttribute('aria-busy');
  document.title = `${view.title} — ${SITE}`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    const target = link.getAttribute('href')?.replace(/^#/, '') ?? '';
    const here = target === '/' ? path === '/' : path.startsWith(target);
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (view.shown) view.shown();
  else if (!firstRender) {
    window.scrollTo(0, 0);
    const heading = main.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  }
  if (!firstRender) announcer.textContent = view.title;
  firstRender = false;
}

// The skip link targets <main> by id, which a hash router would take for a route.
document.querySelector('.skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => void render());
void render();
void showCiteThis();
