// The README must tell the truth about the code: every route, every setting, the two set-up commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { useTestApp } from '../helpers/app.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

const app = await useTestApp();

describe('README', () => {
  it('lists exactly the GET routes of the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((r) => r.startsWith('GET '))
      .sort();
    const inReadme = [...readme.matchAll(/^\| `(GET [^`]+)` \|/gm)].map((m) => m[1]).sort();
    expect(inReadme).toEqual(documented);
  });

  it('documents every configuration variable, with its default', () => {
    const keys = Object.keys(ConfigSchema.shape).sort();
    const inReadme = [...readme.matchAll(/^\| `([A-Z_]+)` \| `([^`]*)` \|/gm)].map((m) => m[1]).sort();
    expect(inReadme).toEqual(keys);
    const defaults = ConfigSchema.parse({});
    for (const m of readme.matchAll(/^\| `([A-Z_]+)` \| `([^`]*)` \|/gm)) {
      const key = m[1] as keyof typeof defaults;
      const value = defaults[key];
      const shown = m[2] as string;
      if (key === 'DATABASE_PATH') expect(String(value).endsWith(shown)).toBe(true);
      else expect(shown, key).toBe(String(value));
    }
  });

  it('gives the two set-up commands, and .ci/run runs that same test command', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    const ci = readFileSync(join(PROJECT_ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test\b/m);
  });
});
