// schema.graphql is the schema, written by hand. The server runs on a copy of it compiled into the build (sdl.ts),
// so that dist/ alone serves it. After editing schema.graphql, run
//   npx tsx src/graphql/schema/sync.ts
// to put the file in graphql-js' printed form and regenerate sdl.ts; tests/graphql/schema.test.ts fails until then.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, printSchema } from 'graphql/index.js';
import { fromRoot } from '../../paths.js';

export const SCHEMA_FILE = fromRoot('src/graphql/schema/schema.graphql');
export const SDL_MODULE = fromRoot('src/graphql/schema/sdl.ts');

export function printedSdl(sdl: string): string {
  return `${printSchema(buildSchema(sdl))}\n`;
}

export function sdlModule(sdl: string): string {
  const literal = sdl.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
  return [
    '// Generated from schema.graphql by `npx tsx src/graphql/schema/sync.ts`: edit schema.graphql, not this file.',
    `export const SDL = \`${literal}\`;`,
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sdl = printedSdl(readFileSync(SCHEMA_FILE, 'utf8'));
  writeFileSync(SCHEMA_FILE, sdl);
  writeFileSync(SDL_MODULE, sdlModule(sdl));
}
