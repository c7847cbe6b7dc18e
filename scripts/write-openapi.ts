// `npm run openapi`: writes openapi.yaml from the running app's routes, so the committed file is what the app serves.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDatabase } from '../seed/seed.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { openApiYaml } from '../src/plugins/openapi.js';

const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
try {
  const databasePath = join(dir, 'history.sqlite');
  seedDatabase({ databasePath });
  const app = await buildApp(loadConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' }), { logger: false });
  await app.ready();
  writeFileSync(join(PROJECT_ROOT, 'openapi.yaml'), await openApiYaml(app.swagger()));
  await app.close();
  console.log('Wrote openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
