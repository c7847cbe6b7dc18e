// Replicas dying and draining under load through the front, then every replica gone: the cache still answers
// what it holds, and what it does not hold gets the front's problem+json. Loopback only, bounded in time.
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, isAlive, startCluster } from './cluster-process.js';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ RATE_LIMIT_MAX: '10000000', DRAIN_DELAY: '2000' }, 3);
}, 150_000);
afterAll(async () => {
  await cluster.stop();
}, 30_000);

let counter = 0;
/** 4 s at 32 connections of GETs no cache holds (each a new events window), so that every one reaches a replica. */
function uncachedLoad(seconds: number) {
  return autocannon({
    url: cluster.url,
    connections: 32,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const n = counter++;
          return { ...request, path: `/v1/events?from=${1000 + (n % 8000)}&to=${9000 + Math.floor(n / 8000)}&limit=1` };
        },
      },
    ],
  });
}

const waitExit = async (pid: number, ms: number) => {
  const deadline = Date.now() + ms;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return !isAlive(pid);
};

describe('failover', () => {
  it('loses no GET when one replica is killed with SIGKILL under load', async () => {
    const victim = cluster.state.replicas[0]?.pid as number;
    const load = uncachedLoad(4);
    setTimeout(() => process.kill(victim, 'SIGKILL'), 1500);
    const result = await load;
    console.log(`kill -9: ${result.requests.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx`);
    expect(await waitExit(victim, 2000)).toBe(true);
    expect(result.requests.total).toBeGreaterThan(100);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
  }, 30_000);

  it('loses no request when a replica is stopped with SIGTERM under load, and the replica exits 0', async () => {
    const victim = cluster.state.replicas[1] as { pid: number; port: number };
    const load = uncachedLoad(4);
    await new Promise((r) => setTimeout(r, 1000));
    process.kill(victim.pid, 'SIGTERM');
    // While it drains, it says it is not ready and still answers.
    let ready: { status: number; body: { detail?: string } } = { status: 0, body: {} };
    for (let i = 0; i < 40 && ready.status !== 503; i++) {
      const response = await fetch(`http://127.0.0.1:${victim.port}/readyz`);
      ready = { status: response.status, body: (await response.json()) as { detail?: string } };
      if (ready.status !== 503) await new Promise((r) => setTimeout(r, 25));
    }
    expect(ready.status).toBe(503);
    expect(ready.body.detail).toMatch(/draining/);
    const result = await load;
    console.log(`SIGTERM: ${result.requests.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx`);
    expect(await waitExit(victim.pid, 15_000)).toBe(true);
    expect(cluster.output()).toMatch(new RegExp(`pid ${victim.pid}\\) exited with code 0`));
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(0);
  }, 40_000);

  it('with every replica stopped, answers a cached URL from the cache and an uncached one with a problem+json 502', async () => {
    const cached = `${cluster.url}/v1/districts/kalbajar`;
    expect((await fetch(cached)).status).toBe(200);
    const last = cluster.state.replicas[2]?.pid as number;
    process.kill(last, 'SIGTERM');
    expect(await waitExit(last, 15_000)).toBe(true);
    const hit = await fetch(cached);
    expect(hit.status).toBe(200);
    expect(hit.headers.get('cache-status')).toMatch(/^front; hit/);
    const miss = await fetch(`${cluster.url}/v1/districts/fuzuli`);
    expect([502, 503, 504]).toContain(miss.status);
    expect(miss.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await miss.json()) as { status: number; title: string };
    expect(problem.status).toBe(miss.status);
  }, 30_000);
});
