// Response maps for route schemas: each status once, in the shapes OpenAPI documents and the serializer enforces.
import { z } from 'zod';
import { listOf } from '../schemas/common.js';
import { ProblemSchema } from '../schemas/problem.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const errors = {
  400: problem('A parameter is not valid: `errors` names each one.'),
  429: problem('Too many requests: wait for Retry-After seconds.'),
};

/** A single record: 200, or 404 when the id or slug is unknown. */
export function itemResponses<T extends z.ZodType>(schema: T, description: string) {
  return {
    200: { description, content: { 'application/json': { schema } } },
    ...errors,
    404: problem('No record with that id or slug.'),
  };
}

/**
 * A paged list: JSON `{ data, page }` (with `fields` beside them, where the list has more to say), or CSV with a
 * header row; `notFound` for a list under a record (a source's citations) whose record may not exist.
 */
export function listResponses<T extends z.ZodType>(
  item: T,
  description: string,
  options: { fields?: z.ZodRawShape; notFound?: string } = {},
) {
  const list = options.fields ? listOf(item).extend(options.fields) : listOf(item);
  return {
    ...(options.notFound ? { 404: problem(options.notFound) } : {}),
    200: {
      description,
      content: {
        'application/json': { schema: list },
        'text/csv': {
          schema: z.string().describe('One row per item with a header row; nested fields as dotted columns.'),
        },
      },
    },
    ...errors,
  };
}
