// The explorer: a static page at / (timeline, map, district and source pages) that reads only the public API.
// `npm run build` bundles explorer/ into dist/explorer (scripts/build-explorer.ts); this serves those files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { PROJECT_ROOT } from '../paths.js';
import { sendProblem } from '../rest/problem.js';

export const EXPLORER_DIR = join(PROJECT_ROOT, 'dist', 'explorer');

export interface ExplorerOptions {
  /** The built files; dist/explorer by default. */
  root?: string;
}

const explorer: FastifyPluginAsync<ExplorerOptions> = async (app, options) => {
  const root = options.root ?? EXPLORER_DIR;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'the explorer is not built: `npm run build` builds it');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      sendProblem(reply, 503, 'The explorer is not built: run `npm run build`. The API itself is at /v1 and /graphql.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    // One route per built file (no catch-all), so unknown paths keep their problem+json 404 and 405 answers.
    wildcard: false,
    // Swagger UI and GraphiQL register their own copies of the plugin.
    decorateReply: false,
    index: ['index.html'],
    // Served compressed when the client accepts it: the build writes .br and .gz beside each file.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    // File names carry no hash: revalidate every time (a 304 costs one round trip).
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
  });
};

export default explorer;
