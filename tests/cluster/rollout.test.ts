// `npm run seed` (its CLI, from source) while the cluster serves under load: no request fails, and once every
// replica's /readyz reports the new version, no answer through the front carries the old one, cached ones included.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_DATA_DIR } from '../../src/paths.js';
import { runTs } from '../helpers/run-cli.js';
import { type Cluster, startCluster } from './cluster-process.js';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ RATE_LIMIT_MAX: '10000000' });
}, 150_000);
afterAll(async () => {
  await cluster.stop();
}, 30_000);

const URLS = ['/v1/districts/lachin', '/v1/events/second-karabakh-war', '/v1/meta', '/v1/search?q=Lachin'];

interface Answer {
  sentAt: number;
  status?: number;
  version?: string;
  error?: string;
}

/**
 * One GET, as RFC 9112 section 9.3.1 asks of a client: a GET sent on a reused keep-alive connection that the server
 * closed before answering (nginx's reload closes its idle ones) is sent again once, on a new connection. Node flags
 * such a request with `reusedSocket` for exactly this retry. A failure on a fresh connection is a failure.
 */
function get(agent: http.Agent | false, url: string): Promise<Answer> {
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const request = http.get(url, { agent, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ sentAt, status: response.statusCode, version: response.headers['x-dataset-version'] as string }),
      );
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (e: NodeJS.ErrnoException) => {
      // The retry must not take another pooled socket: a reload closes every idle one, so the pool may hold more.
      if (request.reusedSocket && agent !== false && e.code === 'ECONNRESET') resolve(get(false, url));
      else resolve({ sentAt, error: e.message });
    });
  });
}

it('rolls out a reseeded dataset under load with no failure and no old answer after the switch', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: 8 }, async (_, loop) => {
    for (let i = loop; running; i++) answers.push(await get(agent, `${cluster.url}${URLS[i % URLS.length]}`));
  });
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const oldVersion = answers[0]?.version;
    const dataDir = join(cluster.dir, 'seed-data');
    cpSync(SEED_DATA_DIR, dataDir, { recursive: true });
    const events = join(dataDir, 'events.yaml');
    writeFileSync(
      events,
      readFileSync(events, 'utf8').replace('title: Second Karabakh War', 'title: Second Karabakh War '),
    );
    const seeded = runTs('seed/cli.ts', ['--data', dataDir], { DATABASE_PATH: cluster.state.database_path });
    expect(seeded.code, seeded.stderr).toBe(0);
    const newVersion = /dataset (\S+)\)/.exec(seeded.stdout)?.[1];
    expect(newVersion).toBeDefined();
    expect(newVersion).not.toBe(oldVersion);
    const deadline = Date.now() + 20_000;
    let switched = 0;
    while (!switched && Date.now() < deadline) {
      const versions = await Promise.all(
        cluster.state.replicas.map(
          async (r) => ((await (await fetch(`${r.url}/readyz`)).json()) as { dataset_version: string }).dataset_version,
        ),
      );
      if (versions.every((v) => v === newVersion)) switched = Date.now();
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(switched).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await Promise.all(loops);
    const failed = answers.filter((a) => a.status !== 200);
    const after = answers.filter((a) => a.sentAt > switched);
    console.log(
      `rollout: ${answers.length} answers, ${failed.length} failed, ${after.length} after the switch, ` +
        `versions ${[...new Set(answers.map((a) => a.version))].join(' → ')}, failures ${JSON.stringify(failed.slice(0, 3))}`,
    );
    expect(failed).toEqual([]);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((a) => a.version !== newVersion)).toEqual([]);
    // A cached answer of the new dataset comes back too: the cache works again after the switch.
    await (await fetch(`${cluster.url}/v1/districts/lachin`)).arrayBuffer();
    const again = await fetch(`${cluster.url}/v1/districts/lachin`);
    expect(again.headers.get('cache-status')).toBe('front; hit');
    expect(again.headers.get('x-dataset-version')).toBe(newVersion);
  } finally {
    running = false;
    await Promise.all(loops);
    agent.destroy();
  }
}, 60_000);
