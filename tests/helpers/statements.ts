// Records every SQL statement better-sqlite3 runs: Drizzle runs each query through a Statement's all/get/run/iterate
// (prepared once or per call), so spying on the Statement prototype sees every execution. Until vi.restoreAllMocks().
import Database from 'better-sqlite3';
import { vi } from 'vitest';

export function recordStatements(): string[] {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  const statements: string[] = [];
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    vi.spyOn(proto, method).mockImplementation(function (this: { source: string }, ...args: unknown[]) {
      statements.push(this.source);
      return original.apply(this, args);
    });
  }
  return statements;
}
