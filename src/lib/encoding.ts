// Content coding of data answers: the coding a client asked for in Accept-Encoding, and the bytes in that coding.
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';
type Compressed = Exclude<Coding, 'identity'>;

/** Under this, the coding's framing and the client's work to undo it outweigh the bytes saved. */
export const COMPRESSION_THRESHOLD = 1024;
/**
 * Chosen with bench/compression-quality.ts on the district page, the events window and a CSV list (8–16 KB):
 * quality 4 takes 86–157 µs for 23–29% of the bytes; 5 takes 117–210 µs for 22–27%, and 6–9 give no more.
 * 10 and 11 save two points more for 30–70 times the time (3.5–15 ms), and a cache miss would wait for that,
 * so even stored answers, compressed once, stay at the knee. Quality 1–2 miss the 30% target on the district page.
 */
export const BROTLI_QUALITY = { stored: 5, onTheFly: 4 } as const;
/** zlib's default: level 9 gives nothing more on these answers, level 1 two points less for a quarter less time. */
const GZIP_LEVEL = 6;

/** Preference on a tie of q-values: brotli is smaller at the same cost. */
const OFFERED: Coding[] = ['br', 'gzip', 'identity'];
const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/csv)\b/i;

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType);
}

/** True when the header names this coding with q=0. */
function refusesByName(header: string, coding: Coding): boolean {
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';');
    return name?.trim() === coding && params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param));
  });
}

function negotiateUncached(header: string): Coding {
  // Codings are case-insensitive; the negotiator compares as written.
  const lower = header.toLowerCase();
  let offered = OFFERED;
  for (;;) {
    const chosen = negotiate(lower, offered);
    // Nothing acceptable (`identity;q=0` alone, `*;q=0`): RFC 9110 would allow a 406, but every client can read an
    // uncompressed answer and none can read an error instead of the data, so identity is sent anyway.
    if (!chosen) return 'identity';
    // The negotiator reads `*` as the first coding offered, even one refused by name (`br;q=0, *`).
    if (!refusesByName(lower, chosen)) return chosen;
    offered = offered.filter((coding) => coding !== chosen);
  }
}

/** Clients send a handful of distinct headers; bounded, since the header is the client's to choose. */
const negotiated = new LRUCache<string, Coding>({ max: 256 });

export function negotiateCoding(header: string | string[] | undefined): Coding {
  // No header: RFC 9110 lets any coding go, but a client that sends none most likely decodes none.
  if (typeof header !== 'string' || header === '') return 'identity';
  let coding = negotiated.get(header);
  if (coding === undefined) {
    coding = negotiateUncached(header);
    negotiated.set(header, coding);
  }
  return coding;
}

export function compress(body: Buffer, coding: Compressed, brotliQuality: number): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: GZIP_LEVEL });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** One answer in every coding it is sent in; a coding is missing when it would not be smaller. */
export type Encodings = { identity: Buffer } & Partial<Record<Compressed, Buffer>>;

/** For the response cache: each coding is compressed once, when the answer is stored. */
export function encodeAll(body: Buffer, compressible: boolean): Encodings {
  const encodings: Encodings = { identity: body };
  if (!compressible || body.length <= COMPRESSION_THRESHOLD) return encodings;
  for (const coding of ['br', 'gzip'] as const) {
    const bytes = compress(body, coding, BROTLI_QUALITY.stored);
    if (bytes.length < body.length) encodings[coding] = bytes;
  }
  return encodings;
}

export function encodedSize(encodings: Encodings): number {
  return encodings.identity.length + (encodings.br?.length ?? 0) + (encodings.gzip?.length ?? 0);
}

/** The stored bytes in the coding this request asked for, with the header that says which. */
export function pickEncoding(request: FastifyRequest, reply: FastifyReply, encodings: Encodings): Buffer {
  const coding = negotiateCoding(request.headers['accept-encoding']);
  const bytes = coding === 'identity' ? undefined : encodings[coding];
  if (!bytes) return encodings.identity;
  reply.header('content-encoding', coding);
  return bytes;
}

/** A compressible answer that is not stored, compressed in the negotiated coding only. */
export function compressOnTheFly(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: string | Buffer,
): string | Buffer {
  if (Buffer.byteLength(payload) <= COMPRESSION_THRESHOLD) return payload;
  const coding = negotiateCoding(request.headers['accept-encoding']);
  if (coding === 'identity') return payload;
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const bytes = compress(body, coding, BROTLI_QUALITY.onTheFly);
  if (bytes.length >= body.length) return payload;
  reply.header('content-encoding', coding);
  return bytes;
}
