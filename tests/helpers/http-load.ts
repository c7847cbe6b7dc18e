// A bounded, loopback-only request loop that records every outcome, for the shutdown and swap tests.
import { readFileSync } from 'node:fs';
import http from 'node:http';

export interface Outcome {
  at: number;
  status?: number;
  connection?: string;
  version?: string;
  error?: string;
}

function once(agent: http.Agent, url: string): Promise<Omit<Outcome, 'at'>> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          connection: String(response.headers.connection ?? ''),
          version: response.headers['x-dataset-version'] as string | undefined,
        }),
      );
      response.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

/** `connections` loops, each sending `urls` round-robin for `durationMs` (or until the server refuses). */
export async function runLoops(
  base: string,
  urls: string[],
  connections: number,
  durationMs: number,
): Promise<Outcome[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const outcomes: Outcome[] = [];
  const start = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      let i = loop;
      while (Date.now() - start < durationMs) {
        const outcome = await once(agent, `${base}${urls[i++ % urls.length]}`);
        outcomes.push({ at: Date.now(), ...outcome });
        if (outcome.error === 'ECONNREFUSED') break;
      }
    }),
  );
  agent.destroy();
  return outcomes;
}

export function rssMb(pid: number): number {
  // /proc is Linux-only, which is where these tests run.
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
