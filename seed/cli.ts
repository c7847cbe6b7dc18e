// `npm run seed`: builds the database from seed/ and prints what it wrote; exit code 1 with every problem on failure.
import { parseArgs } from 'node:util';
import { fromRoot } from '../src/paths.js';
import { SeedError } from './load.js';
import { seedDatabase } from './seed.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    data: { type: 'string' },
    sources: { type: 'string' },
    releases: { type: 'string' },
  },
});

try {
  const result = seedDatabase({
    databasePath: fromRoot(values.database ?? process.env.DATABASE_PATH ?? 'data/history.sqlite'),
    dataDir: values.data ? fromRoot(values.data) : undefined,
    sourcesDir: values.sources ? fromRoot(values.sources) : undefined,
    releasesDir: values.releases ? fromRoot(values.releases) : undefined,
  });
  const counts = Object.entries(result.counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`Seeded ${result.databasePath} (dataset ${result.version}): ${counts}`);
} catch (error) {
  if (error instanceof SeedError) console.error(error.message);
  else console.error(`Seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
