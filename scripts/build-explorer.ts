// Builds the explorer (explorer/) into dist/explorer: index.html, one JS bundle and one stylesheet, each also
// pre-compressed (.br, .gz). esbuild bundles the page's TypeScript with the typed client; no framework.
// Run by `npm run build`; the browser test runs it too. Every file is written to a temporary name and renamed,
// so a build running beside another (the tests start several) never leaves a half-written file.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fromRoot } from '../src/paths.js';

export const EXPLORER_SRC = fromRoot('explorer');
export const EXPLORER_OUT = fromRoot('dist/explorer');

/** Browsers with ES2022 and CSS nesting-free stylesheets: what the page is written for. */
const TARGETS = ['chrome111', 'edge111', 'firefox115', 'safari16.4'];

function writeAtomic(path: string, content: Buffer) {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

export interface BuiltFile {
  name: string;
  bytes: number;
  brotliBytes: number;
}

export async function buildExplorer(outDir = EXPLORER_OUT): Promise<BuiltFile[]> {
  const result = await build({
    entryPoints: { app: join(EXPLORER_SRC, 'src', 'main.ts'), app_css: join(EXPLORER_SRC, 'styles.css') },
    bundle: true,
    format: 'esm',
    minify: true,
    target: TARGETS,
    write: false,
    outdir: outDir,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = new Map<string, Buffer>();
  for (const file of result.outputFiles) {
    const name = file.path.slice(outDir.length + 1).replace('app_css.css', 'app.css');
    files.set(name, Buffer.from(file.contents));
  }
  // The bundle's and stylesheet's hashes go into their URLs, so a new build is never mixed with a cached old one.
  const version = (name: string) =>
    createHash('sha256')
      .update(files.get(name) ?? '')
      .digest('hex')
      .slice(0, 10);
  const html = readFileSync(join(EXPLORER_SRC, 'index.html'), 'utf8')
    .replace('/app.js"', `/app.js?v=${version('app.js')}"`)
    .replace('/app.css"', `/app.css?v=${version('app.css')}"`);
  files.set('index.html', Buffer.from(html));

  mkdirSync(outDir, { recursive: true });
  const built: BuiltFile[] = [];
  for (const [name, content] of files) {
    const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    writeAtomic(join(outDir, name), content);
    writeAtomic(join(outDir, `${name}.br`), brotli);
    writeAtomic(join(outDir, `${name}.gz`), gzipSync(content, { level: 9 }));
    built.push({ name, bytes: content.length, brotliBytes: brotli.length });
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildExplorer();
  for (const file of built) console.log(`dist/explorer/${file.name}: ${file.bytes} B (${file.brotliBytes} B brotli)`);
}
