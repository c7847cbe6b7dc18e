// Bundles the server (src/server.ts and everything it imports, dependencies included) into dist/server/, which
// `npm start` and the image run. Most of start-up on Node 20 was spent resolving and reading some thousand module
// files one by one; one bundle is read once. Run by `npm run build`, after tsc has type-checked and emitted dist/src.
//
// Kept out of the bundle: better-sqlite3, a native module found through its own package directory.
// Packages that read files beside their own code (__dirname: Swagger UI's and GraphiQL's static assets) are
// bundled with __dirname rewritten to their directory in node_modules, which the image ships.
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { fromRoot, PROJECT_ROOT } from '../src/paths.js';

export const SERVER_BUNDLE_DIR = fromRoot('dist/server');

/** Replaces __dirname and __filename in dependencies with their real place under the project root. */
const keepPackageDirectories: Plugin = {
  name: 'keep-package-directories',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('__dirname') && !source.includes('__filename')) return undefined;
      const directory = JSON.stringify(relative(PROJECT_ROOT, dirname(args.path)));
      const file = JSON.stringify(relative(PROJECT_ROOT, args.path));
      return {
        contents: `var __dirname = __projectPath(${directory}), __filename = __projectPath(${file});\n` + source,
        loader: 'js',
      };
    });
  },
};

/**
 * Zod's namespace re-exports every message locale (about 300 kB), so no bundler can drop them; the API answers in
 * English and never selects another, so the bundle carries English only.
 */
const englishZodMessagesOnly: Plugin = {
  name: 'english-zod-messages-only',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** Defines what CommonJS code in an ES module bundle expects: require, and the project root for __dirname. */
const BANNER = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { join as __join } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  "const __projectRoot = __join(__fileURLToPath(new URL('.', import.meta.url)), '..', '..');",
  'const __projectPath = (path) => __join(__projectRoot, path);',
].join('\n');

export async function buildServer(outDir = SERVER_BUNDLE_DIR) {
  await build({
    entryPoints: { server: fromRoot('src/server.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    outdir: outDir,
    external: ['better-sqlite3'],
    plugins: [englishZodMessagesOnly, keepPackageDirectories],
    banner: { js: BANNER },
    // Whitespace and syntax only: mangling names measured slower to start (V8 compiles the same functions either way).
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await buildServer();
}
