// The explorer: a static page at / (timeline, map, district and source pages) that reads only the public API.
// `npm run build` bundles explorer/ into dist/explorer (scripts/build-explorer.ts); this serves those files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../paths.js';
import { sendProblem } from '../rest/problem.js';

export const EXPLORER_DIR = join(PROJECT_ROOT, 'dist', 'explorer');

export interface ExplorerOptions {
  /** The built files; dist/explorer by default. */
  root?: string;
  /**
   * The schema.org Dataset the page embeds (as /v1/meta answers it for application/ld+json), with the dataset
   * version it describes; without it the page is served as built.
   */
  dataset?: () => { version: string; jsonLd: object };
}

/**
 * The page with the Dataset in a `<script type="application/ld+json">` at the end of its head: in the HTML itself,
 * so that a crawler which runs no script reads it. Every `<` is escaped, so no value can close the element
 * (`</script`) or open a comment.
 */
export function embedJsonLd(html: string, jsonLd: object): string {
  const json = JSON.stringify(jsonLd).replace(/</g, '\\u003c');
  const at = html.lastIndexOf('</head>');
  if (at < 0) throw new Error('the explorer page has no </head> to put its JSON-LD in');
  return `${html.slice(0, at)}<script type="application/ld+json">${json}</script>\n  ${html.slice(at)}`;
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
  const { dataset } = options;
  await app.register(fastifyStatic, {
    root,
    // One route per built file (no catch-all), so unknown paths keep their problem+json 404 and 405 answers.
    wildcard: false,
    // Swagger UI and GraphiQL register their own copies of the plugin.
    decorateReply: false,
    // The page itself is served below when it embeds the Dataset: it changes with the data, not with the build.
    index: dataset ? false : ['index.html'],
    // Served compressed when the client accepts it: the build writes .br and .gz beside each file.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz', ...(dataset ? ['index.html'] : [])],
    // File names carry no hash: revalidate every time (a 304 costs one round trip).
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
  });
  if (!dataset) return;

  const built = readFileSync(join(root, 'index.html'), 'utf8');
  // Made once per dataset version: the response cache's ETag and compression apply to it as to the API's answers.
  let page = { version: '', html: '' };
  const servePage = async (_request: FastifyRequest, reply: FastifyReply) => {
    const { version, jsonLd } = dataset();
    if (page.version !== version) page = { version, html: embedJsonLd(built, jsonLd) };
    return reply.type('text/html; charset=utf-8').send(page.html);
  };
  // Revalidated every time, as the files are: the page names the build's script and stylesheet.
  const noCache = (
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (e: null, p: unknown) => void,
  ) => {
    reply.header('cache-control', 'no-cache');
    done(null, payload);
  };
  for (const url of ['/', '/index.html']) {
    app.get(url, { schema: { hide: true }, onSend: noCache }, servePage);
  }
};

export default explorer;
