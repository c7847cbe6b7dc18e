// Builds the real app on the seeded test database, with the same factory the server uses.
import { afterAll, inject } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({
    DATABASE_PATH: inject('databasePath'),
    LOG_LEVEL: 'silent',
    // Tests send many requests from one address; the rate-limit test sets its own limit.
    RATE_LIMIT_MAX: '10000000',
    // Tests run heavy synchronous loops in the server's own process, which under-pressure reads as saturation
    // (a sample interval with no tick counts as infinite delay); load shedding has its own test.
    MAX_EVENT_LOOP_DELAY: '0',
    ...overrides,
  });
}

export async function createTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<App> {
  const app = await buildApp(testConfig(overrides), { logger: false });
  await app.ready();
  return app;
}

/** A test file's shared app: built while the file is collected, closed after its last test. */
export async function useTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<App> {
  const app = await createTestApp(overrides);
  afterAll(() => app.close());
  return app;
}
