// One rule names every operation, so that a route added later gets a stable operationId without anyone choosing it.
import type { OpenApiDocument } from './types.js';
import { operationsOf } from './types.js';

const pascal = (words: string) =>
  words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');

/**
 * The operationId of `method path`, from the path alone: `/v1` is dropped; a segment before a path parameter names
 * one record, so it loses its plural `s` and the parameter is dropped (`/v1/events/{id}` → `getEvent`,
 * `/v1/sources/{id}/citations` → `listSourceCitations`); a GET under /v1 whose path ends in a plural is a list
 * (`listEvents`); anything else is its method and its path (`getPlacesGeojson`, `getMeta`, `postGraphql`).
 */
export function operationIdFor(method: string, path: string): string {
  const segments = path
    .replace(/^\/v1(?=\/)/, '')
    .split('/')
    .filter(Boolean);
  const words = segments.flatMap((segment, i) => {
    if (segment.startsWith('{')) return [];
    const beforeParam = segments[i + 1]?.startsWith('{') ?? false;
    return [pascal(beforeParam ? segment.replace(/s$/, '') : segment)];
  });
  const last = segments.at(-1) ?? '';
  const list = method === 'get' && path.startsWith('/v1/') && /^[a-z-]+s$/.test(last);
  return `${list ? 'list' : method}${words.join('') || 'Root'}`;
}

/** Gives each operation its operationId; two operations named alike is a bug in the rule, and stops the build. */
export function withOperationIds(document: OpenApiDocument): OpenApiDocument {
  const seen = new Map<string, string>();
  for (const { method, path, operation } of operationsOf(document)) {
    const id = operationIdFor(method, path);
    const other = seen.get(id);
    if (other) throw new Error(`operationId ${id} derived twice: ${other} and ${method.toUpperCase()} ${path}`);
    seen.set(id, `${method.toUpperCase()} ${path}`);
    operation.operationId = id;
  }
  return document;
}
