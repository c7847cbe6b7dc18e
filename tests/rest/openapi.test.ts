// The OpenAPI document: generated from the routes' Zod schemas, committed, and its examples valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths.js';
import { useTestApp } from '../helpers/app.js';

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema: Record<string, unknown> }[] }>
  >;
  components: { schemas: Record<string, unknown> };
}

const app = await useTestApp();

describe('openapi.yaml', () => {
  it('is exactly what the app generates (run `npm run openapi` after changing a route)', async () => {
    const served = await app.inject({ url: '/openapi.yaml' });
    expect(served.statusCode).toBe(200);
    expect(readFileSync(join(PROJECT_ROOT, 'openapi.yaml'), 'utf8')).toBe(served.body);
  });

  it('is OpenAPI 3.1 and also served as JSON, with interactive docs at /docs', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    expect(parse(readFileSync(join(PROJECT_ROOT, 'openapi.yaml'), 'utf8'))).toEqual(doc);
    const docs = await app.inject({ url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('has a valid example wherever it shows one, in schemas and in parameters', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as OpenApi;
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const withRefs = (schema: unknown) =>
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
    let checked = 0;
    const visit = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      if ('example' in obj && ('type' in obj || '$ref' in obj || 'anyOf' in obj)) {
        const { example, ...schema } = obj;
        const validate = ajv.compile(withRefs(schema));
        expect(validate(example), `${where}: ${JSON.stringify(example)} ${ajv.errorsText(validate.errors)}`).toBe(true);
        checked++;
      }
      for (const [key, value] of Object.entries(obj)) visit(value, `${where}/${key}`);
    };
    visit(doc, '#');
    expect(checked).toBeGreaterThan(5);
  });

  it('accepts each documented parameter example in a real request', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as OpenApi;
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const op of Object.values(methods)) {
        for (const p of op.parameters ?? []) {
          if (!('example' in p.schema)) continue;
          const value = String(p.schema.example);
          const url =
            p.in === 'path'
              ? path.replace(`{${p.name}}`, value).replace(/\{[^}]+\}/g, 'lachin')
              : `${path.replace(/\{[^}]+\}/g, 'lachin')}?${p.name}=${encodeURIComponent(value)}`;
          const response = await app.inject({ url });
          expect(response.statusCode, url).not.toBe(400);
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(3);
  });
});
