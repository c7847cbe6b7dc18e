// CITATION.cff at the repository root: valid Citation File Format 1.2.0 (its own schema, vendored under
// tests/vendor/citation-file-format), citing the dataset version the seed builds, under the licence the API states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths.js';
import { DATASET_TITLE, LICENCE } from '../../src/queries/licence.js';
import { useTestApp } from '../helpers/app.js';

const cff = parse(readFileSync(join(PROJECT_ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'tests/vendor/citation-file-format/schema.json'), 'utf8'),
) as object;

const app = await useTestApp();

describe('CITATION.cff', () => {
  it('is valid against the Citation File Format 1.2.0 schema, formats included', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(cff), ajv.errorsText(validate.errors)).toBe(true);
    expect(cff['cff-version']).toBe('1.2.0');
  });

  it('would catch a broken file: the same schema refuses one without authors or with an unknown key', () => {
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const { authors: _authors, ...withoutAuthors } = cff;
    expect(validate(withoutAuthors)).toBe(false);
    expect(validate({ ...cff, licence: 'CC-BY-4.0' })).toBe(false);
  });

  it('cites the dataset version the seed builds, by the title and licence the API gives', async () => {
    const meta = (await app.inject({ url: '/v1/meta' })).json() as { version: string; license: { id: string } };
    expect(
      cff.version,
      `CITATION.cff names dataset ${String(cff.version)}, the seed builds ${meta.version}: update its version`,
    ).toBe(meta.version);
    expect(cff.type).toBe('dataset');
    expect(cff.title).toBe(DATASET_TITLE);
    expect(cff.license).toBe(LICENCE.id);
    expect(meta.license.id).toBe(LICENCE.id);
  });
});
