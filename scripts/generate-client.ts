// Generates the typed client's types (clients/typescript/src/schema.ts) from the committed openapi.yaml with openapi-typescript.
// `npm run client` rewrites the file; `--out <file>` writes elsewhere (the drift test compares the two).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { fromRoot } from '../src/paths.js';

export const OPENAPI_PATH = fromRoot('openapi.yaml');
export const CLIENT_SCHEMA_PATH = fromRoot('clients/typescript/src/schema.ts');

const HEADER = COMMENT_HEADER.replace(
  ' */',
  ' * Source: openapi.yaml. Regenerate with `npm run client` (`npm run openapi` runs it too).\n */',
);

/** The TypeScript source of the API's types, from the OpenAPI document's text. */
export async function generateClientTypes(openapiText = readFileSync(OPENAPI_PATH, 'utf8')): Promise<string> {
  const ast = await openapiTS(openapiText, { silent: true, alphabetize: false });
  return HEADER + astToString(ast);
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? resolve(values.out) : CLIENT_SCHEMA_PATH;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await generateClientTypes());
  console.log(`wrote ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
