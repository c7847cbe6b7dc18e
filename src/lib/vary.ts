// Adds a request header's name to an answer's Vary, once: each part of the app that varies its answer says so.
import type { FastifyReply } from 'fastify';

export function addVary(reply: FastifyReply, field: string): void {
  const vary = reply.getHeader('vary');
  if (vary === undefined) {
    reply.header('vary', field);
    return;
  }
  const wanted = field.toLowerCase();
  const named = String(vary)
    .split(',')
    .some((token) => token.trim().toLowerCase() === wanted);
  if (!named) reply.header('vary', `${String(vary)}, ${field}`);
}
