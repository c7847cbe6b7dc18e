// The one way a list endpoint answers: { data, page } as JSON, or CSV on request, with an RFC 8288 Link header.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toCsv } from './csv.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: string } | undefined)?.format;
  if (format) return format === 'csv';
  const accept = request.headers.accept ?? '';
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

function nextUrl(request: FastifyRequest, cursor: string): string {
  const url = new URL(request.url, 'http://placeholder');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

/**
 * The item schema of the route's list, read from its 200 response (`listResponses(Item, …)`: `{ data: Item[] }`
 * under application/json), so that no route has to pass it again.
 */
function listItemSchema(request: FastifyRequest): z.ZodType {
  const ok = (request.routeOptions.schema?.response as Record<number, unknown> | undefined)?.[200] as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  const list = ok?.content?.['application/json']?.schema;
  const data = list instanceof z.ZodObject ? list.shape.data : undefined;
  if (data instanceof z.ZodArray) return data.element as z.ZodType;
  throw new Error(`${request.routeOptions.url} answers a list without listResponses(): its CSV has no columns`);
}

export function sendList<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  result: { items: T[]; nextCursor: string | null },
  limit: number,
  /** Top-level JSON fields beside `data` and `page` (on-this-day's date and today). */
  fields: Record<string, unknown> = {},
) {
  reply.header('vary', 'Accept');
  if (result.nextCursor) reply.header('link', `<${nextUrl(request, result.nextCursor)}>; rel="next"`);
  if (wantsCsv(request)) {
    return reply
      .type(CSV_CONTENT_TYPE)
      .serializer((body: string) => body)
      .send(toCsv(listItemSchema(request), result.items));
  }
  return reply.send({ ...fields, data: result.items, page: { limit, next_cursor: result.nextCursor } });
}
