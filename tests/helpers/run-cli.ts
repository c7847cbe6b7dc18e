// Runs a project script the way a user does, through its command line, and captures what it says.
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.js';

export function runTs(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
