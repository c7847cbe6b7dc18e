// Adds `app.data`: the live, read-only dataset that every route and resolver reads through.
import fp from 'fastify-plugin';
import { type LiveDatabase, openLiveDatabase } from '../db/live-database.js';
import { createRepository, type Repository } from '../queries/repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    data: LiveDatabase<Repository>;
  }
}

export interface DatabasePluginOptions {
  databasePath: string;
  checkIntervalMs?: number;
}

export default fp<DatabasePluginOptions>(
  async (app, opts) => {
    const live = openLiveDatabase(opts.databasePath, createRepository, {
      checkIntervalMs: opts.checkIntervalMs,
      onSwitch: (from, to) => app.log.info({ from, to }, 'dataset switched'),
    });
    app.decorate('data', live);
    app.addHook('onClose', async () => live.close());
  },
  { name: 'database' },
);
