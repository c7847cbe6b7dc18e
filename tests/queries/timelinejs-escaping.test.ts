// The TimelineJS mapping writes HTML: whatever the data holds (markup, ampersands, quotation marks in a title, a
// quote or a source's URL) reaches TimelineJS as text, never as markup. The seeded data holds none of these, so the
// mapping is fed them directly.
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/queries/citations.js';
import type { TimelineItem } from '../../src/queries/timeline.js';
import { createTimelineJsExport } from '../../src/queries/timelinejs.js';

const HOSTILE = `<script>alert("x")</script> & <img src=x onerror=alert(1)> 'quoted'`;

const item: TimelineItem = {
  type: 'event',
  id: 'e1',
  kind: 'military_operation',
  title: HOSTILE,
  date: { start_date: '2020-09-27', end_date: '2020-09-27', precision: 'day', date_text: HOSTILE, edtf: '2020-09-27' },
  url: '/v1/events/e1',
};

const citation = {
  id: 7,
  source_id: 's1',
  source_title: HOSTILE,
  source_kind: 'document',
  url: `https://example.org/?a=1&b="><script>`,
  quote: HOSTILE,
  start: 0,
  end: 1,
  note: null,
  record: { type: 'event', id: 'e1', name: null, point: null, url: '/v1/events/e1' },
} as Citation;

const exporter = createTimelineJsExport({
  timelineWindow: () => [item],
  eventsByIds: () => [{ summary: HOSTILE }],
  agreementsByIds: () => [],
  citationsOf: (type) => (type === 'event' ? [[citation]] : []),
  version: '1.test',
});

describe('the TimelineJS mapping', () => {
  it('escapes every value from the data in the HTML it writes', () => {
    const [slide] = exporter.timelineJs({}, 'http://127.0.0.1:3000').events;
    const html = `${slide!.text.headline}${slide!.text.text}`;
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>|"><script>/);
    expect(slide!.text.headline).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39;',
    );
    expect(slide!.text.text).toContain('href="https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;"');
  });
});
