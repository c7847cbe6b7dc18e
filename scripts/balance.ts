// `npm run balance`: seeds seed/data into a scratch database and prints its balance report (README, "Balance"),
// as the Markdown table the README shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDatabase } from '../seed/seed.js';
import { openReadOnly } from '../src/db/client.js';
import { balanceTable } from '../src/queries/balance-table.js';
import { createRepository } from '../src/queries/repository.js';

const scratch = mkdtempSync(join(tmpdir(), 'balance-'));
try {
  const databasePath = join(scratch, 'history.sqlite');
  seedDatabase({ databasePath });
  const handle = openReadOnly(databasePath);
  try {
    process.stdout.write(balanceTable(createRepository(handle.db).getMeta().balance));
  } finally {
    handle.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
