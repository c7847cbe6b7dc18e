// The bench's front group: the API through nginx (npm run cluster's script, from the build) against a replica
// directly, warm cache and uncached, 2 replicas against 1, and the cache hit ratio from nginx's access log.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { findNginx } from '../scripts/cluster/nginx-config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { freePort } from '../tests/helpers/server-process.js';

interface Cluster {
  url: string;
  replicaUrl: string;
  dir: string;
  pids: () => number[];
  stop: () => Promise<void>;
}

/** CPU ms a process has used, from /proc (Linux, where the bench runs). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    });

async function startCluster(databasePath: string, replicas: number, env: NodeJS.ProcessEnv): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-front-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      REPLICAS: String(replicas),
      CLUSTER_DIR: join(dir, 'front'),
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '10000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.on('exit', r));
  const deadline = Date.now() + 60_000;
  while (!output.includes('cluster ready at')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the cluster did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = JSON.parse(readFileSync(join(dir, 'front', 'cluster.json'), 'utf8')) as {
    nginx_pid: number;
    replicas: { pid: number; url: string }[];
  };
  return {
    url: `http://127.0.0.1:${port}`,
    replicaUrl: state.replicas[0]?.url as string,
    dir,
    pids: () => [state.nginx_pid, ...childrenOf(state.nginx_pid), ...state.replicas.map((r) => r.pid)],
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface FrontRow {
  scenario: string;
  rps: number;
  p99_ms: number;
  cpu_ms_per_request: number;
  errors: number;
}

async function measure(scenario: string, url: string, pids: number[], path: string | null, options: Load) {
  const before = pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  let n = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: 'GET',
        // null: a new events window each time, so that no cache holds the answer.
        setupRequest: (request) => ({
          ...request,
          path: path ?? `/v1/events?from=${1000 + (n % 8000)}&to=${9000 + Math.floor(n++ / 8000)}&limit=5`,
        }),
      },
    ],
  });
  const cpu = pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - before;
  const row: FrontRow = {
    scenario,
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    cpu_ms_per_request: Number((cpu / Math.max(1, result.requests.total)).toFixed(3)),
    errors: result.errors + result.non2xx,
  };
  console.log(
    `${scenario.padEnd(46)} ${String(row.rps).padStart(7)} req/s  p99 ${row.p99_ms} ms  ` +
      `CPU ${row.cpu_ms_per_request} ms/req  errors ${row.errors}`,
  );
  return row;
}

interface Load {
  duration: number;
  connections: number;
}

export async function frontBench(databasePath: string, load: Load) {
  if (!findNginx()) {
    console.log('front: skipped, nginx is not installed (apt-get install nginx)');
    return { skipped: 'nginx is not installed' };
  }
  const rows: FrontRow[] = [];
  const two = await startCluster(databasePath, 2, {});
  let hitRatio = 0;
  try {
    const page = '/v1/districts/lachin';
    await fetch(`${two.url}${page}`);
    rows.push(await measure('warm cache, through the front', two.url, two.pids(), page, load));
    rows.push(await measure('warm cache, one replica directly', two.replicaUrl, two.pids().slice(-2, -1), page, load));
    rows.push(await measure('uncached, through the front, 2 replicas', two.url, two.pids(), null, load));
    await new Promise((r) => setTimeout(r, 1500)); // the access log is flushed each second
    const lines = readFileSync(join(two.dir, 'front', 'logs', 'access.log'), 'utf8').split('\n');
    const cached = lines.filter((l) => / cache=(HIT|STALE|UPDATING|REVALIDATED) /.test(l)).length;
    const looked = lines.filter((l) => / cache=[A-Z]+ /.test(l)).length;
    hitRatio = Number((cached / Math.max(1, looked)).toFixed(3));
  } finally {
    await two.stop();
  }
  const one = await startCluster(databasePath, 1, {});
  try {
    rows.push(await measure('uncached, through the front, 1 replica', one.url, one.pids(), null, load));
  } finally {
    await one.stop();
  }
  console.log(`front cache hit ratio over the scenario (nginx's log): ${hitRatio}`);
  return { rows, hit_ratio: hitRatio };
}
