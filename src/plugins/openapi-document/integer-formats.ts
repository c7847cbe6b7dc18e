// Names the width of every integer (`format: int32` or `int64`) from its bounds, which the Zod schemas set.
import type { OpenApiDocument } from './types.js';

const INT32 = 2 ** 31;

const isInteger = (type: unknown) => type === 'integer' || (Array.isArray(type) && type.includes('integer'));

function visit(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(visit);
  const schema = node as Record<string, unknown>;
  if (isInteger(schema.type) && schema.format === undefined) {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    const fits = minimum !== undefined && maximum !== undefined && minimum >= -INT32 && maximum < INT32;
    schema.format = fits ? 'int32' : 'int64';
  }
  Object.values(schema).forEach(visit);
}

export function withIntegerFormats(document: OpenApiDocument): OpenApiDocument {
  visit(document);
  return document;
}
