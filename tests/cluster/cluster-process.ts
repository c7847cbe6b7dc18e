// Starts `npm run cluster` (from source, without the build) on free loopback ports and waits for its ready line.
// Fails, never skips, when nginx is missing. Stops only what it started, by PID.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { findNginx } from '../../scripts/cluster/nginx-config.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { freePort } from '../helpers/server-process.js';

export interface ClusterState {
  front: string;
  nginx_pid: number;
  database_path: string;
  replicas: { port: number; pid: number; url: string }[];
}

export interface Cluster {
  npm: ChildProcess;
  url: string;
  dir: string;
  state: ClusterState;
  output: () => string;
  exited: Promise<number | null>;
  accessLog: () => string;
  stop: () => Promise<number | null>;
}

export function requireNginx(): void {
  if (!findNginx()) throw new Error('nginx is not installed: the cluster tests need it (apt-get install nginx)');
}

/** A port whose next `replicas` ports are free too (checked one by one; a collision would fail the start loudly). */
async function portRun(replicas: number): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port + replicas > 65_000) continue;
    const next = await Promise.all(Array.from({ length: replicas }, () => freePort()));
    if (!next.includes(port)) return port;
  }
}

export async function startCluster(env: NodeJS.ProcessEnv, replicas = 2, timeoutMs = 120_000): Promise<Cluster> {
  requireNginx();
  const dir = mkdtempSync(join(tmpdir(), 'cluster-test-'));
  // nginx's workers (another user, when the tests run as root) must get through to the cache folder.
  chmodSync(dir, 0o755);
  const databasePath = join(dir, 'history.sqlite');
  cpSync(inject('databasePath'), databasePath);
  const port = await portRun(replicas);
  const npm = spawn('npm', ['run', '--silent', '--ignore-scripts', 'cluster', '--', '--source'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      REPLICAS: String(replicas),
      CLUSTER_DIR: join(dir, 'front'),
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'warn',
      DRAIN_DELAY: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout?.on('data', (d) => (output += d));
  npm.stderr?.on('data', (d) => (output += d));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    npm.on('exit', (c) => {
      code = c;
      resolve(c);
    }),
  );
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('cluster ready at')) {
    if (code !== undefined) throw new Error(`the cluster exited (${code}) before it was ready: ${output}`);
    if (Date.now() > deadline) {
      npm.kill('SIGTERM');
      throw new Error(`the cluster was not ready within ${timeoutMs} ms: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = JSON.parse(readFileSync(join(dir, 'front', 'cluster.json'), 'utf8')) as ClusterState;
  return {
    npm,
    url: `http://127.0.0.1:${port}`,
    dir,
    state,
    output: () => output,
    exited,
    accessLog: () => readFileSync(join(dir, 'front', 'logs', 'access.log'), 'utf8'),
    async stop() {
      if (code === undefined) npm.kill('SIGTERM');
      const result = await exited;
      // Whatever the script failed to stop is ours to stop: by PID, never by name.
      for (const pid of [state.nginx_pid, ...state.replicas.map((r) => r.pid)])
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
