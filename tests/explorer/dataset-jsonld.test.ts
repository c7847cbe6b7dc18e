// The explorer's page carries the schema.org Dataset in its HTML as served (a crawler that runs no script reads
// it): parsed with parse5 as a browser's parser would, it equals what /v1/meta answers for application/ld+json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../../scripts/build-explorer.js';
import type { App } from '../../src/app.js';
import explorer, { embedJsonLd } from '../../src/plugins/explorer.js';
import { createTestApp } from '../helpers/app.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const PUBLIC_URL = 'https://history.example.org';

function elements(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) elements(child, found);
  if ('content' in node && node.content) elements(node.content as Node, found);
  return found;
}

/** The text of every `<script type="application/ld+json">` of the page, and where it sits. */
function jsonLdScripts(html: string) {
  return elements(parse(html))
    .filter(
      (e) => e.tagName === 'script' && e.attrs.some((a) => a.name === 'type' && a.value === 'application/ld+json'),
    )
    .map((e) => ({
      parent: (e.parentNode as Element).tagName,
      text: e.childNodes.map((c) => ('value' in c ? c.value : '')).join(''),
    }));
}

let app: App;
beforeAll(async () => {
  await buildExplorer();
  app = await createTestApp({ PUBLIC_URL });
}, 60_000);
afterAll(() => app?.close());

describe("the explorer's page", () => {
  it('embeds the Dataset of /v1/meta in a script element of its head, in the HTML as served', async () => {
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const scripts = jsonLdScripts(page.body);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.parent).toBe('head');
    const meta = await app.inject({ url: '/v1/meta', headers: { accept: 'application/ld+json' } });
    expect(JSON.parse(scripts[0]?.text ?? '')).toEqual(meta.json());
    // /index.html is the same page.
    expect((await app.inject('/index.html')).body).toBe(page.body);
  });

  it('is revalidated every time, and answers 304 to its own ETag', async () => {
    const page = await app.inject('/');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toBeDefined();
    const again = await app.inject({ url: '/', headers: { 'if-none-match': String(page.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('escapes what would end the script element early', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><p>after</p></body></html>';
    const hostile = { name: '</script><script>alert(1)</script>', note: '<!-- x -->', plain: 'a & b' };
    const embedded = embedJsonLd(html, hostile);
    expect(embedded).not.toMatch(/<\/script><script>/);
    const scripts = jsonLdScripts(embedded);
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]?.text ?? '')).toEqual(hostile);
    expect(elements(parse(embedded)).filter((e) => e.tagName === 'script')).toHaveLength(1);
  });

  it('is served as built where no Dataset is given', async () => {
    const root = mkdtempSync(join(tmpdir(), 'explorer-plain-'));
    const html = '<!doctype html><html><head><title>explorer</title></head><body></body></html>';
    writeFileSync(join(root, 'index.html'), html);
    const server = Fastify({ logger: false });
    try {
      await server.register(explorer, { root });
      const page = await server.inject('/');
      expect(page.body).toBe(html);
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
