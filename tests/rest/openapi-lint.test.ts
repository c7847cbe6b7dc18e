// The committed OpenAPI document passes Redocly's `recommended` rules and Spectral's OpenAPI and OWASP API Security
// rulesets, offline: no errors, and only the warnings the README lists with the reason each one stays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { ruleset } from './openapi-lint/spectral-ruleset.js';

const source = readFileSync(join(PROJECT_ROOT, 'openapi.yaml'), 'utf8');
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The rule ids the README's "OpenAPI lint" section lists as warnings that stay, with their reasons. */
function warningsTheReadmeKeeps(): string[] {
  const section = readme.split(/^### OpenAPI lint$/m)[1]?.split(/^#{2,3} /m)[0] ?? '';
  const kept = section.split(/^Warnings that stay/m)[1] ?? '';
  return [...kept.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1] as string);
}

describe('openapi.yaml lint', () => {
  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: join(PROJECT_ROOT, 'openapi.yaml'), config });
    const found = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(found).toEqual([]);
  });

  it('passes Spectral (OpenAPI recommended + OWASP API Security) with no error, and only the warnings the README lists', async () => {
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset(ruleset);
    const results = await spectral.run(new spectralCore.Document(source, parsers.Yaml, 'openapi.yaml'));
    // Severity 0 is an error; a rule that throws is reported as an error too, so a broken rule cannot pass.
    const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code}: ${r.message} at ${r.path.join('.')}`);
    expect(errors).toEqual([]);
    const warned = [...new Set(results.filter((r) => r.severity === 1).map((r) => String(r.code)))].sort();
    expect(warned, 'README "OpenAPI lint" lists exactly the warnings that stay').toEqual(
      [...new Set(warningsTheReadmeKeeps())].sort(),
    );
  });

  it('would catch a broken document: the same linters find errors in one with an undeclared reference', async () => {
    const broken = source.replace('$ref: "#/components/schemas/Problem"', '$ref: "#/components/schemas/Nowhere"');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: broken, absoluteRef: 'broken.yaml', config });
    expect(problems.some((p) => p.severity === 'error')).toBe(true);
  });
});
