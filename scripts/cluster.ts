// `npm run cluster`: REPLICAS replicas of the API on 127.0.0.1 (PORT+1 … PORT+REPLICAS) behind nginx on PORT, in
// the foreground. nginx runs from its own prefix (a temporary folder), with its own PID file, and is the only nginx
// this script ever signals. A rollout (`npm run seed` while it serves) is published to nginx's cache key before
// the replicas see it; see "Scaling out" in the README for why.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { seedDatabase } from '../seed/seed.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { openReadOnly } from '../src/db/client.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { createRepository } from '../src/queries/repository.js';
import { findNginx, renderDatasetVersion, renderNginxConfig } from './cluster/nginx-config.js';
import { findWorkerUser } from './cluster/worker-user.js';

const { values: flags } = parseArgs({ options: { source: { type: 'boolean', default: false } } });

const nginxBinary = findNginx();
if (!nginxBinary) {
  console.error("nginx not found (the cluster needs Debian's nginx 1.22 or later): apt-get install nginx");
  process.exit(1);
}

const ClusterSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_000).default(8080),
  REPLICAS: z.coerce.number().int().min(1).max(64).default(2),
  CLUSTER_DIR: z.string().min(1).optional(),
});
const clusterEnv = ClusterSchema.safeParse(process.env);
if (!clusterEnv.success) {
  const issue = clusterEnv.error.issues[0];
  const name = String(issue?.path[0]);
  console.error(`Invalid configuration: ${name}=${JSON.stringify(process.env[name] ?? '')}: ${issue?.message}`);
  process.exit(1);
}
const { PORT, REPLICAS, CLUSTER_DIR } = clusterEnv.data;
// The replicas' own settings, checked here once so that a bad value stops the cluster, not each replica.
// A replica behind a balancer drains before it closes: 2 s unless DRAIN_DELAY says otherwise.
const replicaEnv = { ...process.env, DRAIN_DELAY: process.env.DRAIN_DELAY ?? '2000' };
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(replicaEnv);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}

const host = process.env.HOST ?? '127.0.0.1';
const frontUrl = `http://${host.includes(':') ? `[${host}]` : host}:${PORT}`;
const replicaPorts = Array.from({ length: REPLICAS }, (_, i) => PORT + 1 + i);
const prefix = CLUSTER_DIR ?? mkdtempSync(join(tmpdir(), 'history-cluster-'));
const log = (line: string) => console.log(`[cluster] ${line}`);

// --- the prefix, readable by nginx's workers, its cache and temp folders writable by them ---------------------
for (const dir of ['logs', 'cache', 'temp']) mkdirSync(join(prefix, dir), { recursive: true });
let userDirective = '';
if (process.getuid?.() === 0) {
  const worker = findWorkerUser();
  userDirective = `user ${worker.name} ${worker.group};`;
  // Every folder above the prefix must let them through too: a CLUSTER_DIR under a private folder will not do.
  chmodSync(prefix, 0o755);
  for (const dir of ['cache', 'temp']) chownSync(join(prefix, dir), worker.uid, worker.gid);
}
writeFileSync(
  join(prefix, 'nginx.conf'),
  renderNginxConfig({
    prefix,
    listen: `${host.includes(':') ? `[${host}]` : host}:${PORT}`,
    replicaPorts,
    userDirective,
    config,
  }),
);

// --- the dataset: the file `npm run seed` writes, and a hard link to it that the replicas serve --------------------
if (!existsSync(config.DATABASE_PATH)) {
  const seeded = seedDatabase({ databasePath: config.DATABASE_PATH });
  log(`no database at ${config.DATABASE_PATH}: seeded dataset ${seeded.version}`);
}
const servingPath = join(dirname(config.DATABASE_PATH), `.${basename(config.DATABASE_PATH)}.cluster-${process.pid}`);
const stagingPath = `${servingPath}.next`;
let servedInode = -1;

function versionOf(path: string): string {
  const handle = openReadOnly(path);
  try {
    return createRepository(handle.db).dataset.version;
  } finally {
    handle.close();
  }
}

/** Pins the current file under a name of our own, so that a seed after this moment cannot change what we read. */
function stage(): { version: string; inode: number } {
  rmSync(stagingPath, { force: true });
  linkSync(config.DATABASE_PATH, stagingPath);
  return { version: versionOf(stagingPath), inode: statSync(stagingPath).ino };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

const frontKeys = async (version: string) =>
  (await (await fetch(`${frontUrl}/_front/dataset-version`)).text()) === version;

// --- processes ---------------------------------------------------------------------------------------------------
const replicas: { port: number; child: ChildProcess; exited: Promise<number | null> }[] = [];
let stopping = false;

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));

function writeState() {
  const state = {
    front: frontUrl,
    nginx_pid: nginx.pid,
    database_path: config.DATABASE_PATH,
    serving_path: servingPath,
    replicas: replicas.map((r) => ({ port: r.port, pid: r.child.pid, url: `http://127.0.0.1:${r.port}` })),
  };
  writeFileSync(join(prefix, 'cluster.json'), `${JSON.stringify(state, null, 2)}\n`);
}

function startNginx(): ChildProcess {
  const child = spawn(
    nginxBinary as string,
    [
      '-p',
      `${prefix}/`,
      '-c',
      join(prefix, 'nginx.conf'),
      '-e',
      join(prefix, 'logs', 'error.log'),
      '-g',
      'daemon off;',
    ],
    // Its own process group, like the replicas': a signal to the terminal's or npm's group reaches only this
    // script, which then stops each child once, in order (a second SIGTERM would cut a replica's drain short).
    { stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[cluster] nginx exited (${code ?? signal}); see ${join(prefix, 'logs', 'error.log')}`);
    void stop(1);
  });
  return child;
}

function startReplica(port: number) {
  const entry = flags.source ? ['--import', 'tsx', 'src/server.ts'] : ['dist/server/server.js'];
  const child = spawn(process.execPath, entry, {
    cwd: PROJECT_ROOT,
    env: {
      ...replicaEnv,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: servingPath,
      // The front limits every client once for the whole cluster, and is the one proxy whose address is trusted.
      RATE_LIMIT_ENABLED: 'false',
      TRUST_PROXY: '127.0.0.1,::1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = exitOf(child);
  // Not restarted: on a server a process manager or Kubernetes does that; nginx sends to the others meanwhile.
  void exited.then((code) => {
    if (!stopping) log(`replica on port ${port} (pid ${child.pid}) exited with code ${code}; not restarted`);
  });
  replicas.push({ port, child, exited });
}

// --- rollout: key the front by the new version first, then let the replicas switch -----------------------------
let rolling = false;
async function rollOut() {
  if (rolling || stopping) return;
  rolling = true;
  try {
    let current: number;
    try {
      current = statSync(config.DATABASE_PATH).ino;
    } catch {
      return; // mid-rename: next tick
    }
    if (current === servedInode) return;
    const next = stage();
    writeFileSync(join(prefix, 'dataset-version.conf'), renderDatasetVersion(next.version));
    nginx.kill('SIGHUP');
    await waitFor(`nginx keying its cache by ${next.version}`, () => frontKeys(next.version), 10_000);
    renameSync(stagingPath, servingPath);
    servedInode = next.inode;
    log(`dataset ${next.version}: the front keys by it; replicas switching`);
  } catch (error) {
    console.error(`[cluster] rollout failed: ${(error as Error).message}`);
  } finally {
    rolling = false;
  }
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  clearInterval(watcher);
  const children = [...replicas, { child: nginx, exited: nginxExited }];
  for (const { child } of replicas) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // SIGQUIT: nginx finishes the requests it holds, then exits.
  if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGQUIT');
  const grace = config.SHUTDOWN_TIMEOUT + config.DRAIN_DELAY + 2000;
  const settled = Promise.all(children.map((c) => c.exited));
  if ((await Promise.race([settled.then(() => true), sleep(grace).then(() => false)])) === false) {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await settled;
  }
  rmSync(servingPath, { force: true });
  rmSync(stagingPath, { force: true });
  if (!CLUSTER_DIR) rmSync(prefix, { recursive: true, force: true });
  log(`stopped nginx and ${replicas.length} replicas`);
  process.exit(code);
}

const first = stage();
renameSync(stagingPath, servingPath);
servedInode = first.inode;
writeFileSync(join(prefix, 'dataset-version.conf'), renderDatasetVersion(first.version));

const nginx = startNginx();
const nginxExited = exitOf(nginx);
for (const port of replicaPorts) startReplica(port);
writeState();
const watcher = setInterval(() => void rollOut(), 200);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

try {
  await waitFor('nginx answering', () => frontKeys(first.version), 30_000);
  await Promise.all(
    replicas.map((r) =>
      waitFor(
        `replica on port ${r.port} ready`,
        async () => (await fetch(`http://127.0.0.1:${r.port}/readyz`)).ok,
        60_000,
      ),
    ),
  );
  log(
    `nginx prefix ${prefix}, dataset ${first.version}, front rate ${config.RATE_LIMIT_MAX} per ${config.RATE_LIMIT_WINDOW} ms`,
  );
  console.log(`cluster ready at ${frontUrl} (${REPLICAS} replicas)`);
} catch (error) {
  console.error(`[cluster] ${(error as Error).message}`);
  await stop(1);
}
