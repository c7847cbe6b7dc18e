// Seeds one database from the real seed files for the whole run; tests open it read-only through buildApp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDatabase } from '../../seed/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databasePath: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'history-api-test-'));
  const databasePath = join(dir, 'history.sqlite');
  seedDatabase({ databasePath });
  project.provide('databasePath', databasePath);
  return () => rmSync(dir, { recursive: true, force: true });
}
