// GET /v1/downloads and GraphQL's meta.downloads: every file with a URL that serves it, its real size and SHA-256,
// the licence and the attribution; the same list from both APIs, since both read the same query layer.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const PUBLIC_URL = 'https://history.example.org';
const app = await useTestApp({ PUBLIC_URL });

interface Download {
  url: string;
  media_type: string;
  bytes: number;
  sha256: string;
  title: string;
}

const meta = (await app.inject({ url: '/v1/meta' })).json() as { version: string; counts: Record<string, number> };
const response = await app.inject({ url: '/v1/downloads' });
const list = response.json() as {
  version: string;
  licence: { id: string; name: string; url: string };
  attribution: string;
  downloads: Download[];
};

describe('GET /v1/downloads', () => {
  it('lists the SQLite file, the zip, the package and one CSV per table, under PUBLIC_URL', () => {
    expect(response.statusCode).toBe(200);
    const paths = list.downloads.map((d) => d.url.replace(`${PUBLIC_URL}/v1/downloads/`, ''));
    expect(paths.slice(0, 3)).toEqual(['history.sqlite', 'history.zip', 'datapackage.json']);
    for (const table of Object.keys(meta.counts)) expect(paths).toContain(`csv/${table}.csv`);
    expect(list.downloads.every((d) => d.url.startsWith(`${PUBLIC_URL}/v1/downloads/`))).toBe(true);
  });

  it('gives each file the size, SHA-256 and media type it is served with', async () => {
    for (const d of list.downloads) {
      const file = await app.inject({ url: new URL(d.url).pathname });
      expect(file.statusCode, d.url).toBe(200);
      expect(file.rawPayload.length, d.url).toBe(d.bytes);
      expect(createHash('sha256').update(file.rawPayload).digest('hex'), d.url).toBe(d.sha256);
      expect(file.headers['content-type'], d.url).toBe(d.media_type);
      expect(d.title.length).toBeGreaterThan(10);
    }
  });

  it('carries the dataset version, the licence and the attribution line', () => {
    expect(list.version).toBe(meta.version);
    expect(list.licence).toEqual({
      id: 'CC-BY-4.0',
      name: 'Creative Commons Attribution 4.0 International',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(list.attribution).toContain(meta.version);
    expect(list.attribution).toContain('CC BY 4.0');
  });

  it('is a JSON answer of the response cache: a weak ETag and a 304', async () => {
    expect(String(response.headers.etag)).toMatch(/^W\/"/);
    const again = await app.inject({
      url: '/v1/downloads',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('GraphQL meta.downloads', () => {
  it('is the REST list, field for field', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ meta { version downloads { url mediaType bytes sha256 title } } }' },
    });
    const body = answer.json() as {
      errors?: unknown[];
      data: {
        meta: {
          version: string;
          downloads: { url: string; mediaType: string; bytes: number; sha256: string; title: string }[];
        };
      };
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.meta.version).toBe(list.version);
    expect(body.data.meta.downloads).toEqual(
      list.downloads.map((d) => ({
        url: d.url,
        mediaType: d.media_type,
        bytes: d.bytes,
        sha256: d.sha256,
        title: d.title,
      })),
    );
  });
});
