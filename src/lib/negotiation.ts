// Content negotiation for the routes whose one URL answers in several media types (`/v1/cite`, `/v1/meta`).
// A route lists its types in `config.representations`, its default first. The same choice serves the handler and
// the response cache's key, so a cached answer in one type is never served to a request for another.
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { addVary } from './vary.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The media types this route answers in, its default first; set only where the answer follows `Accept`. */
    representations?: readonly string[];
  }
}

/**
 * The media type this request gets: its route's default when `Accept` is absent or names any type, the best match
 * otherwise, `null` when nothing it names can be produced (a 406), and `undefined` on a route that does not negotiate.
 */
export function negotiatedRepresentation(request: FastifyRequest): string | null | undefined {
  const offered = request.routeOptions.config.representations;
  if (!offered || offered.length === 0) return undefined;
  const accept = request.headers.accept;
  if (!accept || accept.trim() === '') return offered[0];
  // Media ranges and q-values as RFC 9110 reads them (`@fastify/accept-negotiator` knows codings, not `*/*`):
  // the first offered type wins a tie, so `*/*` and `application/*` give the default.
  return new Negotiator({ headers: { accept } }).mediaType([...offered]) ?? null;
}

export class NotAcceptableError extends Error {
  /** Read by the error handler, which answers a client error's status with its message as a problem. */
  readonly statusCode = 406;
  readonly offered: readonly string[];
  constructor(offered: readonly string[]) {
    super(`Accept names none of the types this resource is available in: ${offered.join(', ')}.`);
    this.offered = offered;
  }
}

/** The type to answer in, with `Vary: Accept` on the reply; throws NotAcceptableError where none is acceptable. */
export function chooseRepresentation(request: FastifyRequest, reply: FastifyReply): string {
  addVary(reply, 'Accept');
  const chosen = negotiatedRepresentation(request);
  const offered = request.routeOptions.config.representations ?? [];
  if (chosen === null) throw new NotAcceptableError(offered);
  return chosen ?? 'application/json';
}
