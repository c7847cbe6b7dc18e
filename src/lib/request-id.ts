// Request ids: a caller's own X-Request-Id is kept when it is safe to echo and log, else a fresh one is made.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
/** Short and plain: it goes into a header, a JSON body and every log line unescaped. */
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdFor(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}
