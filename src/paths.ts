// Paths resolved from the project root, so the same code runs from src/ (tsx, tests) and from dist/ (npm start).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${start}`);
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
export const SEED_DATA_DIR = join(PROJECT_ROOT, 'seed', 'data');
export const SEED_SOURCES_DIR = join(PROJECT_ROOT, 'seed', 'sources');
export const SEED_RELEASES_DIR = join(PROJECT_ROOT, 'seed', 'releases');
export const DEFAULT_DATABASE_PATH = join(PROJECT_ROOT, 'data', 'history.sqlite');

export function fromRoot(path: string): string {
  return resolve(PROJECT_ROOT, path);
}
