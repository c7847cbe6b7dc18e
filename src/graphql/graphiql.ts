// GraphiQL at /graphiql, served from the project's own npm packages (graphiql 3's browser build with React 18's),
// so that it works offline and its Content-Security-Policy names no CDN. Mercurius' own page loads them from unpkg.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { PROJECT_ROOT } from '../paths.js';

/** Resolved from the project root, so that the same lookup works from src/, dist/src and the server bundle. */
const resolveFromRoot = createRequire(join(PROJECT_ROOT, 'package.json')).resolve;
const packageDir = (name: string) => dirname(resolveFromRoot(`${name}/package.json`));

/** The files of the page under /graphiql/, each from its package. */
const ASSETS: Record<string, { dir: string; file: string }> = {
  'react.production.min.js': { dir: packageDir('react'), file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { dir: packageDir('react-dom'), file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { dir: packageDir('graphiql'), file: 'graphiql.min.js' },
  'graphiql.min.css': { dir: packageDir('graphiql'), file: 'graphiql.min.css' },
};

// No inline script: the page's CSP allows scripts from 'self' only.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="robots" content="noindex">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>GraphiQL · Karabakh History API</title>
  <link rel="stylesheet" href="/graphiql/graphiql.min.css">
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script src="/graphiql/main.js"></script>
</body>
</html>
`;

const MAIN = `// Renders GraphiQL against this server's /graphql.
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: false }),
);
`;

export interface GraphiqlOptions {
  /** Where the page is served. */
  path?: string;
}

const graphiql: FastifyPluginAsync<GraphiqlOptions> = async (app, { path = '/graphiql' }) => {
  // Only reply.sendFile: each file below is routed on its own, so unknown paths keep their problem+json 404.
  await app.register(fastifyStatic, { root: packageDir('graphiql'), serve: false });
  const hide = { schema: { hide: true } };
  app.get(path, hide, async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get(`${path}/main.js`, hide, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(MAIN));
  for (const [name, { dir, file }] of Object.entries(ASSETS)) {
    app.get(`${path}/${name}`, hide, (_request, reply) => reply.sendFile(file, dir));
  }
};

export default graphiql;
