// Start-up as a user meets it: a bad setting stops it with one line; a missing database is seeded first.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { runTs } from '../helpers/run-cli.js';
import { startServer } from '../helpers/server-process.js';

const work = mkdtempSync(join(tmpdir(), 'startup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('configuration', () => {
  it('parses defaults once', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_PATH).toMatch(/data\/history\.sqlite$/);
    expect(config.RATE_LIMIT_MAX).toBe(1000);
  });

  it('names the bad variable in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT="abc": /);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud"/);
  });

  it('stops the server with exit code 1 and a one-line message', () => {
    const result = runTs('src/server.ts', [], { PORT: '70000', DATABASE_PATH: join(work, 'never.sqlite') });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Invalid configuration: PORT="70000"/);
    expect(existsSync(join(work, 'never.sqlite'))).toBe(false);
  });
});

describe('first start', () => {
  it('seeds a missing database, then serves it read-only', async () => {
    const databasePath = join(work, 'fresh', 'history.sqlite');
    const server = await startServer({ DATABASE_PATH: databasePath });
    try {
      expect(existsSync(databasePath)).toBe(true);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
        status: string;
        dataset_version: string;
      };
      expect(ready.status).toBe('ready');
      expect(ready.dataset_version).toMatch(/^1\.[0-9a-f]{12}$/);
      expect(existsSync(`${databasePath}-wal`)).toBe(false);
      expect(existsSync(`${databasePath}-journal`)).toBe(false);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
