// Entry point: load config, seed the database if it is missing, build the app, listen, and close gracefully.
import { existsSync } from 'node:fs';
import module from 'node:module';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.js';

// Most of start-up is loading modules. Node 22.1+ can cache their compiled code between starts (Node 20 cannot),
// so the app is imported only after the cache is on.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  if (!existsSync(config.DATABASE_PATH)) {
    const { seedDatabase } = await import('../seed/seed.js');
    const result = seedDatabase({ databasePath: config.DATABASE_PATH });
    console.log(`No database at ${config.DATABASE_PATH}: seeded dataset ${result.version}.`);
  }

  // performance.now() counts from process start, so these are the phases of start-up as an operator sees them.
  const imported = performance.now();
  const { buildApp } = await import('./app.js');
  const built = performance.now();
  const app = await buildApp(config);
  // The drain comes first and has its own time: SHUTDOWN_TIMEOUT still bounds only the close after it.
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT + config.DRAIN_DELAY }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else {
      app.log.info({ signal, drain_ms: config.DRAIN_DELAY }, 'draining, then closing');
      if (config.DRAIN_DELAY > 0) await app.drain(config.DRAIN_DELAY);
    }
    await app.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const ms = (t: number) => Math.round(t);
  app.log.info(
    {
      startup_ms: ms(performance.now()),
      phases_ms: {
        boot: ms(imported),
        load_modules: ms(built - imported),
        build_and_listen: ms(performance.now() - built),
      },
    },
    'started',
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
