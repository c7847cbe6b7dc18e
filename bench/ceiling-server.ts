// The ceiling: a bare Fastify server that answers each benchmark URL with the API's own answer, recorded once:
// the same status, headers and body, so the same bytes on the wire. Nothing can serve that answer faster on this
// machine, so the API's requests/s are measured against it.
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

interface Canned {
  method: 'GET' | 'POST';
  path: string;
  /** A GraphQL POST is told apart by its request body: every GraphQL scenario shares one path. */
  requestBody?: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const canned = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Canned[];
// A revalidation (If-None-Match) of a URL is answered apart from the URL itself.
const keyOf = (method: string, path: string, revalidation: boolean, requestBody = '') =>
  `${method} ${path} ${revalidation} ${requestBody}`;
const byKey = new Map(canned.map((c) => [keyOf(c.method, c.path, c.status === 304, c.requestBody), c]));
const app = Fastify({ logger: false });
app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
const answer = (method: 'GET' | 'POST') => async (request: FastifyRequest, reply: FastifyReply) => {
  const revalidation = request.headers['if-none-match'] !== undefined;
  const hit = byKey.get(keyOf(method, request.url, revalidation, typeof request.body === 'string' ? request.body : ''));
  if (!hit) return reply.code(404).send();
  return reply
    .code(hit.status)
    .headers(hit.headers)
    .send(hit.status === 304 ? undefined : hit.body);
};
app.get('/*', answer('GET'));
app.post('/*', answer('POST'));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ceiling ready');
