// Where Node's HTTP parser or Fastify's router answers before any route runs, the answer is still a problem
// document with a request id and the CORS headers: read over a real socket, as a client would see it.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { EXPOSED_HEADERS } from '../../src/plugins/cors.js';
import { createTestApp } from '../helpers/app.js';

let app: App;
let port: number;
beforeAll(async () => {
  app = await createTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(() => app.close());

/** Sends raw bytes and reads the whole answer until the server closes or 5 s pass. */
function exchange(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, 5000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.write(raw);
  });
}

/** Parses a raw HTTP/1.1 answer (with Content-Length) into status, headers and the JSON body. */
function parseAnswer(raw: string) {
  const end = raw.indexOf('\r\n\r\n');
  expect(end, raw.slice(0, 200)).toBeGreaterThan(0);
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(end + 4, end + 4 + Number(headers['content-length']));
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body,
    problem: JSON.parse(body) as Record<string, unknown>,
  };
}

function expectProblem(answer: ReturnType<typeof parseAnswer>, status: number, type: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(answer.problem).toMatchObject({ status, type });
  expect(answer.problem.request_id).toBe(answer.headers['x-request-id']);
  expect(answer.headers['access-control-allow-origin']).toBe('*');
  expect(answer.headers['access-control-expose-headers']?.split(', ')).toEqual(EXPOSED_HEADERS);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.body).not.toMatch(/FST_|HPE_|ERR_/);
}

describe('Node and the router answer in problems', () => {
  it('431 for a 20 KB query string, without echoing it', async () => {
    const marker = 'qqqmarker'.repeat(2300);
    const answer = parseAnswer(await exchange(`GET /v1/events?q=${marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    expectProblem(answer, 431, '/problems/headers-too-large');
    expect(answer.body).not.toContain('qqqmarker');
    const page = await app.inject({ url: String(answer.problem.type) });
    expect(page.statusCode).toBe(200);
  });

  it('400 for bytes that are not HTTP', async () => {
    const answer = parseAnswer(await exchange('NOT HTTP AT ALL\r\n\r\n'));
    expectProblem(answer, 400, '/problems/bad-request');
  });

  it('414 for a 600-character path parameter, echoing no more than a 200-character instance', async () => {
    const id = 'x'.repeat(600);
    const response = await fetch(`http://127.0.0.1:${port}/v1/events/${id}`, {
      headers: { 'x-request-id': 'trace-414' },
    });
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toBe('trace-414');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const text = await response.text();
    expect(text).not.toMatch(/FST_/);
    const body = JSON.parse(text) as { type: string; instance: string; request_id: string };
    expect(body).toMatchObject({ type: '/problems/uri-too-long', request_id: 'trace-414' });
    expect(body.instance).toHaveLength(200);
    // The id appears once, inside instance, and cut: 200 characters less the "/v1/events/" before it.
    expect(text.match(/x+/g)?.filter((run) => run.length > 20)).toEqual(['x'.repeat(189)]);
  });
});
