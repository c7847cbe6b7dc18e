// Problem documents for errors raised before a request reaches Fastify's routing: Node's HTTP parser (431 for
// oversized headers, 408, malformed requests) and the router (a path segment too long, a URL that does not decode).
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '../lib/request-id.js';
import { PROBLEM_CONTENT_TYPE, problemDocument, type ProblemKind, sendProblem } from '../rest/problem.js';
import { CORS_HEADERS } from './cors.js';
import { frameworkProblem } from './errors.js';
import { dataHeaders, securityHeaders } from './protection.js';

const RAW_HEADERS = { ...CORS_HEADERS, ...dataHeaders(securityHeaders()) };

/** Fastify's `frameworkErrors`: the router's refusals, answered before any hook has run. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(RAW_HEADERS).header(REQUEST_ID_HEADER, reply.request.id);
  sendProblem(reply, ...frameworkProblem(error));
}

const PARSER_PROBLEMS: Record<string, [ProblemKind, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers are larger than 16 KiB; a long query string counts.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time.'],
};

/**
 * Fastify's `clientErrorHandler`: Node found no HTTP request it could hand on, so there is no request to answer
 * through Fastify; the problem is written to the socket, which is then closed, as Node itself does.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [kind, detail] = PARSER_PROBLEMS[error.code ?? ''] ?? ['bad-request', 'The request is not valid HTTP.'];
  // The headers were never read, so a caller's own X-Request-Id cannot be honoured here.
  const requestId = randomUUID();
  const document = problemDocument(kind, { detail, requestId });
  this.log.info({ reqId: requestId, code: error.code, status: document.status }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(document);
    const headers = {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(body)),
      [REQUEST_ID_HEADER]: requestId,
      ...RAW_HEADERS,
      connection: 'close',
    };
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      `HTTP/1.1 ${document.status} ${STATUS_CODES[document.status] ?? document.title}\r\n${lines.join('')}\r\n${body}`,
    );
  }
  socket.destroy(error);
}
