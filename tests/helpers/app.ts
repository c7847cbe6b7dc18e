// Builds the real app on the seeded test database, with the same factory the server uses.
import { inject } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ DATABASE_PATH: inject('databasePath'), LOG_LEVEL: 'silent', ...overrides });
}

export async function createTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<App> {
  const app = await buildApp(testConfig(overrides), { logger: false });
  await app.ready();
  return app;
}
