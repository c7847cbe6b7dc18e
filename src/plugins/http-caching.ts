// ETag, Cache-Control and 304s for every GET: the data changes only when the dataset is rebuilt, so a client
// (or CDN) may reuse an answer for a while and then revalidate it for the price of one hash comparison.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';

export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/** A weak validator from the dataset version and the exact bytes sent. */
export function computeEtag(version: string, body: string | Buffer): string {
  return `W/"${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
      if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
      if (reply.getHeader('cache-control') === 'no-store') return payload;
      const version = app.data.current().dataset.version;
      const etag = computeEtag(version, payload);
      reply.header('etag', etag);
      reply.header('cache-control', CACHE_CONTROL);
      reply.header('x-dataset-version', version);
      if (etagMatches(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-type');
        reply.removeHeader('content-length');
        return '';
      }
      return payload;
    });
  },
  { name: 'http-caching', dependencies: ['database'] },
);
