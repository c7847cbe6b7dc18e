// Observances: days kept every year, shown apart from the timeline's events; each links to the dated order that
// established it, which is an event.
import { observances } from '../api.js';
import { h } from '../dom.js';
import { citationList, MONTHS, when } from '../parts.js';
import type { View } from './view.js';

/** "27 September" from "09-27": a day of every year, so no year and no <time> element. */
function dayOfYear(day: string): string {
  const [month, date] = day.split('-').map(Number) as [number, number];
  return `${date} ${MONTHS[month - 1]}`;
}

export async function observancesView(): Promise<View> {
  const list = await observances();
  return {
    title: 'Observances',
    content: [
      h('h1', null, 'Observances'),
      h(
        'p',
        { class: 'lede' },
        'Days kept every year. They are not events: the dated order that established each one is, and is on the ' +
          'timeline.',
      ),
      list.map((o) =>
        h(
          'article',
          { class: 'observance', id: `observance-${o.id}` },
          h('h2', null, o.name, ' — ', h('span', { class: 'observance-day' }, dayOfYear(o.day))),
          o.established_by
            ? h(
                'p',
                null,
                'Established by ',
                h('a', { href: `#/event/${o.established_by.id}` }, o.established_by.title),
                ', ',
                when(o.established_by.date),
              )
            : null,
          h('h3', null, 'Sources'),
          citationList(o.citations) ?? h('p', null, 'No citations.'),
        ),
      ),
    ],
  };
}
