// ETag, Cache-Control and 304s for every GET, and an in-memory cache of finished responses.
// The data changes only when the dataset is rebuilt, so an answer computed once can be served many times:
// a cache hit does no SQL, no JSON work and no hashing, and a client or CDN can revalidate for one comparison.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import {
  compressOnTheFly,
  encodeAll,
  encodedSize,
  type Encodings,
  isCompressible,
  pickEncoding,
} from '../lib/encoding.js';
import { negotiatedRepresentation } from '../lib/negotiation.js';
import { addVary } from '../lib/vary.js';
import { wantsCsv } from '../rest/list.js';
// GraphQL answers' Content-Type follows Accept, so the key does too.
import { graphqlMediaType } from '../graphql/media-type.js';

export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
/** Headers that belong to the representation and are replayed from the cache. */
const REPLAYED = ['content-type', 'link', 'vary'] as const;

interface CachedResponse {
  /** Compressed when stored, so that a hit in any coding costs no compression. */
  encodings: Encodings;
  etag: string;
  headers: Partial<Record<(typeof REPLAYED)[number], string>>;
}

export interface HttpCachingOptions {
  /** Responses kept; 0 turns the cache off (ETags and 304s stay). */
  maxEntries: number;
}

/** A weak validator from the dataset version and the exact bytes sent. */
export function computeEtag(version: string, body: string | Buffer): string {
  return `W/"${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  // A client revalidating sends back the one ETag it was given: settle that before parsing a list.
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

declare module 'fastify' {
  interface FastifyRequest {
    responseCacheKey?: string;
  }
  interface FastifyReply {
    servedFromCache?: boolean;
  }
}

const bytes = (payload: string | Buffer) => (typeof payload === 'string' ? Buffer.from(payload) : payload);

function replayed(reply: FastifyReply): CachedResponse['headers'] {
  const headers: CachedResponse['headers'] = {};
  for (const name of REPLAYED) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** The validator and caching headers, the same on a 200, a 304, a cache hit and a download. */
export function setCachingHeaders(reply: FastifyReply, etag: string, version: string) {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('x-dataset-version', version);
}

function sendNotModified(reply: FastifyReply, hit: CachedResponse, version: string): void {
  setCachingHeaders(reply, hit.etag, version);
  // RFC 9110 asks a 304 to repeat the Vary its 200 would send.
  if (hit.headers.vary) reply.header('vary', hit.headers.vary);
  reply.code(304).send();
}

export default fp<HttpCachingOptions>(
  async (app, { maxEntries }) => {
    const cache =
      maxEntries > 0
        ? new LRUCache<string, CachedResponse>({
            max: maxEntries,
            maxSize: 64 * 1024 * 1024,
            sizeCalculation: (entry) => encodedSize(entry.encodings) + 256,
          })
        : null;

    // HEAD shares GET's entry, so its Content-Length and Content-Encoding are the stored answer's.
    const cacheable = (request: FastifyRequest) =>
      (request.method === 'GET' || request.method === 'HEAD') &&
      (request.url.startsWith('/v1/') || request.url.startsWith('/graphql?'));

    if (cache) {
      /** The stored answer to this key, marking the reply as served from it; on a miss, the key to store under. */
      const lookUp = (request: FastifyRequest, reply: FastifyReply, key: string) => {
        const hit = cache.get(key);
        if (hit) reply.servedFromCache = true;
        else request.responseCacheKey = key;
        return hit;
      };
      // Callback hooks: they run on every request, and a promise per request is measurable on the 304 path.
      // A hit is sent as the stored bytes; a Buffer skips Fastify's content-type parsing and Node's string encoding.
      const serveFromCache = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        if (!cacheable(request)) return done();
        const version = app.data.current().dataset.version;
        const hit = lookUp(
          request,
          reply,
          // The route's negotiated type too, where one URL answers in several (`config.representations`).
          `${version} ${wantsCsv(request) ? 'csv' : 'json'} ${graphqlMediaType(request)} ${String(negotiatedRepresentation(request))} ${request.url}`,
        );
        if (!hit) return done();
        // Nothing is returned: a reply is thenable, and Fastify would wait on it as if this hook were async.
        if (etagMatches(request.headers['if-none-match'], hit.etag)) {
          sendNotModified(reply, hit, version);
          return;
        }
        reply.headers(hit.headers);
        setCachingHeaders(reply, hit.etag, version);
        reply.code(200).send(pickEncoding(request, reply, hit.encodings));
      };
      // A GraphQL POST is keyed on its parsed body, so it is looked up once the body is read.
      const serveGraphqlFromCache = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        if (request.method !== 'POST' || !request.body || typeof request.body !== 'object') return done();
        const version = app.data.current().dataset.version;
        const hit = lookUp(
          request,
          reply,
          `${version} graphql ${graphqlMediaType(request)} ${JSON.stringify(request.body)}`,
        );
        if (!hit) return done();
        reply.headers(hit.headers);
        reply.header('x-dataset-version', version);
        reply.code(200).send(pickEncoding(request, reply, hit.encodings));
      };
      // Route-level hooks, appended after the rate limiter's: a cache hit is still counted and limited.
      app.addHook('onRoute', (route) => {
        const existing = route.onRequest ? [route.onRequest].flat() : [];
        route.onRequest = [...existing, serveFromCache] as typeof route.onRequest;
        const methods = [route.method].flat();
        if (route.url === '/graphql' && methods.includes('POST')) {
          // First of the route's checks: only a clean answer to the same body is ever stored, so a hit was
          // valid when it was first answered, and need not be checked again.
          const pre = route.preValidation ? [route.preValidation].flat() : [];
          route.preValidation = [serveGraphqlFromCache, ...pre] as typeof route.preValidation;
        }
      });
    }

    // A callback hook, not an async one: it runs on every response, and a cache hit passes straight through.
    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.servedFromCache) return done(null, payload);
      done(null, finishResponse(request, reply, payload));
    });

    /**
     * Adds the validators to a fresh 200, keeps it in the cache, and turns it into a 304 when the client has it.
     * Compressible answers leave in the coding the client asked for: from the stored codings when kept, else
     * compressed on the fly. The ETag is computed on the identity bytes, so it is one for every coding.
     */
    function finishResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const compressible = isCompressible(reply.getHeader('content-type')) && !reply.hasHeader('content-encoding');
      // On every size and status of a compressible answer, and on its 304, so a shared cache keys the codings apart.
      if (compressible) addVary(reply, 'Accept-Encoding');
      const send = (entry: CachedResponse | undefined) => {
        if (entry) return pickEncoding(request, reply, entry.encodings);
        return compressible ? compressOnTheFly(request, reply, payload) : payload;
      };
      if (reply.statusCode !== 200) return send(undefined);
      // A GraphQL answer with errors may come from a limit or a fault: only clean answers are kept.
      const cleanGraphql = !request.url.startsWith('/graphql') || !payload.includes('"errors"');
      const store = (etag: string) => {
        if (!cache || !request.responseCacheKey || !cleanGraphql) return undefined;
        const entry = { encodings: encodeAll(bytes(payload), compressible), etag, headers: replayed(reply) };
        cache.set(request.responseCacheKey, entry);
        return entry;
      };
      // A GraphQL POST is not revalidated (no ETag): it is only kept.
      if (request.method === 'POST') return send(store(''));
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(undefined);
      if (reply.getHeader('cache-control') === 'no-store') return send(undefined);
      const version = app.data.current().dataset.version;
      const etag = computeEtag(version, payload);
      setCachingHeaders(reply, etag, version);
      const entry = store(etag);
      if (etagMatches(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-type');
        reply.removeHeader('content-length');
        return '';
      }
      return send(entry);
    }
  },
  { name: 'http-caching', dependencies: ['database'] },
);
