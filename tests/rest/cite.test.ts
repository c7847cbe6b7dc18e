// GET /v1/cite in its three forms: CSL-JSON valid against the official CSL data schema (vendored under
// tests/vendor/csl-json), BibTeX read by a real BibTeX parser, and the "cite as" text; a record's citation with the
// quote whose offsets slice its source's text; negotiation, the response cache, and the problems for bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import type { CiteModel } from '../../src/queries/cite.js';
import { toBibtex } from '../../src/queries/cite-formats.js';
import { DATASET_TITLE, LICENCE } from '../../src/queries/licence.js';
import { CITABLE_TYPES } from '../../src/schemas/cite.js';
import { useTestApp } from '../helpers/app.js';

const ORIGIN = 'https://history.example.org';
// PUBLIC_URL set, and a request naming another Host: the citation's URLs come from the configuration only.
const app = await useTestApp({ PUBLIC_URL: ORIGIN });
const HOST = { host: 'evil.example.com' };

const CSL = 'application/vnd.citationstyles.csl+json';
const BIBTEX = 'application/x-bibtex';

const cslSchema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests/vendor/csl-json/csl-data.json'), 'utf8')) as object;
const validateCsl = new Ajv({ strict: false, allErrors: true }).compile(cslSchema);

interface CslItem {
  id: string;
  type: string;
  title: string;
  version?: string;
  URL?: string;
  locator?: string;
  note?: string;
  custom?: Record<string, unknown>;
}

const meta = (await app.inject({ url: '/v1/meta' })).json() as {
  version: string;
  license: { id: string; name: string; url: string };
  attribution: string;
};

async function cite(query = '', accept?: string) {
  return app.inject({ url: `/v1/cite${query}`, headers: { ...HOST, ...(accept ? { accept } : {}) } });
}

function expectValidCsl(body: unknown): CslItem[] {
  expect(validateCsl(body), JSON.stringify(validateCsl.errors)).toBe(true);
  return body as CslItem[];
}

function parsedBibtex(text: string) {
  const library = parseBibtex(text, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

describe('/v1/meta', () => {
  it('carries the licence as a record and the attribution line, beside the licence text', async () => {
    expect(meta.license).toEqual({ id: LICENCE.id, name: LICENCE.name, url: LICENCE.url });
    expect(meta.attribution).toContain(meta.version);
    expect(meta.attribution).toContain(LICENCE.url);
    const body = (await app.inject({ url: '/v1/meta' })).json() as { licence: string };
    expect(body.licence).toMatch(/CC BY 4\.0/);
  });

  it('gives the same licence and attribution over GraphQL', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ meta { version license { id name url } attribution } }' },
    });
    const body = response.json() as { data: { meta: unknown }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.meta).toEqual({ version: meta.version, license: meta.license, attribution: meta.attribution });
  });
});

describe('GET /v1/cite', () => {
  it('answers CSL-JSON by default, valid against the CSL data schema, with the version, the URL and the licence', async () => {
    const response = await cite();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(`${CSL}; charset=utf-8`);
    expect(String(response.headers.vary)).toMatch(/\bAccept\b/);
    const [dataset, ...rest] = expectValidCsl(response.json());
    expect(rest).toEqual([]);
    expect(dataset).toMatchObject({ type: 'dataset', title: DATASET_TITLE, version: meta.version, URL: `${ORIGIN}/` });
    expect(dataset?.custom).toEqual({ license: meta.license, attribution: meta.attribution });
    expect(dataset?.note).toBe(meta.attribution);
  });

  it("answers the same CSL-JSON for its own type, */*, application/* and a browser's Accept", async () => {
    const body = (await cite()).body;
    // A browser's Accept names */* last: it gets the default.
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const accept of [CSL, '*/*', 'application/*', `text/html;q=0.5, ${CSL}`, browser]) {
      const response = await cite('', accept);
      expect(response.headers['content-type'], accept).toBe(`${CSL}; charset=utf-8`);
      expect(response.body, accept).toBe(body);
    }
  });

  it('answers BibTeX that a BibTeX parser reads, with the version, the URL and the attribution', async () => {
    const response = await cite('', BIBTEX);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(`${BIBTEX}; charset=utf-8`);
    expect(String(response.headers.vary)).toMatch(/\bAccept\b/);
    const [entry, ...rest] = parsedBibtex(response.body);
    expect(rest).toEqual([]);
    expect(entry?.type).toBe('misc');
    expect(entry?.key).toBe(`karabakh-history-api-${meta.version}`);
    expect(entry?.fields.title).toContain(DATASET_TITLE);
    expect(entry?.fields.version).toBe(meta.version);
    expect(entry?.fields.url).toBe(`${ORIGIN}/`);
    expect(entry?.fields.note).toBe(meta.attribution);
  });

  it('answers one "cite as" line, then the attribution line, in text', async () => {
    const response = await cite('', 'text/plain');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = response.body.trimEnd().split('\n');
    expect(lines).toEqual([`Cite as: ${DATASET_TITLE}, dataset version ${meta.version}. ${ORIGIN}/`, meta.attribution]);
  });

  it('is a 406 problem when Accept names none of its types', async () => {
    for (const accept of ['image/png', 'application/json', 'text/html', `${CSL};q=0`]) {
      const response = await cite('', accept);
      expect(response.statusCode, accept).toBe(406);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 406, type: '/problems/not-acceptable' });
    }
  });

  it('never serves a cached CSL-JSON answer to a BibTeX or text request, nor revalidates across types', async () => {
    const url = '/v1/cite?record=event/trilateral-statement-signed';
    const csl = await app.inject({ url });
    const cslAgain = await app.inject({ url, headers: { accept: CSL } });
    expect(cslAgain.body).toBe(csl.body);
    const bibtex = await app.inject({ url, headers: { accept: BIBTEX } });
    expect(bibtex.headers['content-type']).toBe(`${BIBTEX}; charset=utf-8`);
    expect(bibtex.body.startsWith('@misc{')).toBe(true);
    parsedBibtex(bibtex.body);
    const text = await app.inject({ url, headers: { accept: 'text/plain' } });
    expect(text.body.startsWith('Cite as: ')).toBe(true);
    expect(new Set([csl.headers.etag, bibtex.headers.etag, text.headers.etag]).size).toBe(3);
    // The CSL-JSON answer's ETag is not the BibTeX one's: a BibTeX request sending it gets the BibTeX body.
    const revalidated = await app.inject({
      url,
      headers: { accept: BIBTEX, 'if-none-match': String(csl.headers.etag) },
    });
    expect(revalidated.statusCode).toBe(200);
    expect(revalidated.body).toBe(bibtex.body);
    const same = await app.inject({ url, headers: { accept: BIBTEX, 'if-none-match': String(bibtex.headers.etag) } });
    expect(same.statusCode).toBe(304);
    expect(String(same.headers.vary)).toMatch(/\bAccept\b/);
  });
});

describe('GET /v1/cite?record=', () => {
  const url = '?record=event/trilateral-statement-signed';

  it("cites the record as part of the dataset, then each source it rests on, a quote with offsets that slice its source's text", async () => {
    const [head, ...sources] = expectValidCsl((await cite(url)).json());
    expect(head).toMatchObject({
      type: 'dataset',
      title: 'Trilateral statement of 10 November 2020 signed',
      'container-title': DATASET_TITLE,
      version: meta.version,
      URL: `${ORIGIN}/v1/events/trilateral-statement-signed`,
    });
    expect(head?.custom).toMatchObject({ license: meta.license, attribution: meta.attribution });
    const event = (await app.inject({ url: '/v1/events/trilateral-statement-signed' })).json() as {
      citations: { id: number; source_id: string; quote: string | null }[];
    };
    expect(sources.map((s) => s.custom?.citation_url)).toEqual(
      event.citations.map((c) => `${ORIGIN}/v1/citations/${c.id}`),
    );
    const quoted = sources.filter((s) => s.custom?.quote !== undefined);
    expect(quoted.length).toBeGreaterThan(0);
    for (const item of quoted) {
      const { quote, start, end, source_id } = item.custom as {
        quote: string;
        start: number;
        end: number;
        source_id: string;
      };
      const source = (await app.inject({ url: `/v1/sources/${source_id}` })).json() as { text: string };
      expect(source.text.slice(start, end)).toBe(quote);
      expect(item.locator).toBe(`${start}-${end}`);
      expect(item.note).toContain(`characters ${start} to ${end}`);
      expect(item.note).toContain(`"${quote}"`);
    }
    // References hold no text: they are cited by title and URL, with no quote.
    const references = sources.filter((s) => s.type === 'webpage');
    expect(references.length).toBeGreaterThan(0);
    for (const item of references) expect(item.URL).toMatch(/^https?:\/\//);
  });

  it('gives the same citations in BibTeX, one entry per source citation after the record', async () => {
    const csl = (await cite(url)).json() as CslItem[];
    const entries = parsedBibtex((await cite(url, BIBTEX)).body);
    expect(entries.map((e) => e.key)).toEqual(csl.map((c) => c.id));
    expect(entries[0]?.fields.version).toBe(meta.version);
    expect(entries[0]?.fields.url).toBe(`${ORIGIN}/v1/events/trilateral-statement-signed`);
    const quoted = csl.find((c) => c.custom?.quote !== undefined) as CslItem;
    const entry = entries.find((e) => e.key === quoted.id);
    expect(entry?.fields.note).toContain(String(quoted.custom?.quote));
  });

  it('says "cite as" first in text, then the attribution, then the sources with the quote', async () => {
    const lines = (await cite(url, 'text/plain')).body.split('\n');
    expect(lines[0]).toBe(
      `Cite as: "Trilateral statement of 10 November 2020 signed" (event trilateral-statement-signed), in ${DATASET_TITLE}, dataset version ${meta.version}. ${ORIGIN}/v1/events/trilateral-statement-signed`,
    );
    expect(lines[1]).toBe(meta.attribution);
    expect(lines).toContain('Sources:');
    expect(lines.some((l) => l.startsWith('- ') && l.includes('Quoted from characters'))).toBe(true);
  });

  it('cites a record of every type, at the URL its own route answers', async () => {
    const ids: Record<(typeof CITABLE_TYPES)[number], string> = {
      event: 'trilateral-statement-signed',
      place: 'lachin',
      district: 'kalbajar',
      actor: 'ilham-aliyev',
      agreement: 'trilateral-statement-2020',
      statistic: '',
      claim: '',
      observance: '',
      source: 'article-2025-09-27',
      citation: '108',
    };
    for (const type of ['statistic', 'claim', 'observance'] as const) {
      const list = (
        await app.inject({ url: `/v1/${type === 'statistic' ? 'statistics' : `${type}s`}?limit=1` })
      ).json() as {
        data: { id: string }[];
      };
      ids[type] = String(list.data[0]?.id);
    }
    for (const type of CITABLE_TYPES) {
      const response = await cite(`?record=${type}/${ids[type]}`);
      expect(response.statusCode, type).toBe(200);
      const [head, ...sources] = expectValidCsl(response.json());
      expect(head?.version, type).toBe(meta.version);
      const path = String(head?.URL).slice(ORIGIN.length);
      expect((await app.inject({ url: path })).statusCode, path).toBe(200);
      expect(sources.length, type).toBeGreaterThan(0);
      parsedBibtex((await cite(`?record=${type}/${ids[type]}`, BIBTEX)).body);
    }
  });

  it('is a 404 problem for an unknown type or id, a 400 naming `record` for a malformed value', async () => {
    for (const record of ['event/no-such-event', 'nothing/lachin', 'district/karabakh', 'citation/999999999']) {
      const response = await cite(`?record=${record}`);
      expect(response.statusCode, record).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const record of [
      '',
      'event',
      'event/',
      '/lachin',
      'event/Lachin',
      'event/a/b',
      'citation/abc',
      'x'.repeat(300),
    ]) {
      const response = await cite(`?record=${encodeURIComponent(record)}`);
      expect(response.statusCode, record).toBe(400);
      const body = response.json() as { errors: { in: string; name: string }[] };
      expect(body.errors, record).toEqual([expect.objectContaining({ in: 'query', name: 'record' })]);
    }
    const unknown = await cite('?recrod=event/trilateral-statement-signed');
    expect(unknown.statusCode).toBe(400);
  });
});

describe('BibTeX escaping', () => {
  it("writes TeX's special characters so that a parser reads them back as they were", () => {
    const title = 'A {braced} & 100% $5 #1 snake_case ~tilde^caret back\\slash Laçın Բերձոր';
    const model: CiteModel = {
      version: '1.test',
      record: { type: 'source', id: 'x', label: title, path: '/v1/sources/x' },
      citations: [
        {
          citationId: 1,
          source: {
            id: 'x',
            kind: 'document',
            title,
            publisher: 'P & Q',
            place_of_publication: null,
            published_on: '2020-11-10',
            language: 'en',
            url: null,
          },
          quote: 'He said "50% of {it}".',
          start: 0,
          end: 22,
          note: null,
        },
      ],
    };
    const entries = parsedBibtex(toBibtex(model, ORIGIN));
    expect(entries.map((e) => e.fields.title)).toEqual([title, title]);
    expect(entries[1]?.fields.publisher).toEqual(['P & Q']);
    expect(entries[1]?.fields.note).toContain('He said "50% of {it}".');
  });
});
