// Renders deploy/nginx/nginx.conf.template for the cluster: the ${NAME} placeholders are ours, nginx's own
// variables ($name, no braces) are left alone, and a placeholder left unfilled is an error, not an empty string.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Config } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';

export const NGINX_TEMPLATE = join(PROJECT_ROOT, 'deploy', 'nginx', 'nginx.conf.template');

export function renderTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${NGINX_TEMPLATE}: no value for \${${name}}`);
    return String(values[name]);
  });
}

/**
 * nginx's limit_req counts whole requests per second or per minute, and lets `burst` requests through beyond the
 * first: RATE_LIMIT_MAX in a row is a burst of RATE_LIMIT_MAX - 1, refilled at RATE_LIMIT_MAX per window.
 */
export function frontRateLimit(max: number, windowMs: number) {
  const perMinute = Math.max(1, Math.round((max * 60_000) / windowMs));
  return {
    rate: `${perMinute}r/m`,
    burst: Math.max(0, max - 1),
    exact: (max * 60_000) % windowMs === 0,
    // A refused client may try again once one request has been refilled.
    retryAfterS: Math.max(1, Math.ceil(60 / perMinute)),
  };
}

export interface FrontSettings {
  prefix: string;
  listen: string;
  replicaPorts: number[];
  /** `user www-data;` when nginx starts as root, else empty. */
  userDirective: string;
  config: Config;
}

export function renderNginxConfig({ prefix, listen, replicaPorts, userDirective, config }: FrontSettings): string {
  const limit = frontRateLimit(config.RATE_LIMIT_MAX, config.RATE_LIMIT_WINDOW);
  return renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), {
    USER_DIRECTIVE: userDirective,
    WORKER_PROCESSES: 1,
    PREFIX: prefix,
    LISTEN: listen,
    UPSTREAM_SERVERS: replicaPorts
      .map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`)
      .join('\n'),
    UPSTREAM_KEEPALIVE_TIMEOUT: Math.max(1000, config.KEEP_ALIVE_TIMEOUT - 1000),
    NEXT_UPSTREAM_TRIES: replicaPorts.length,
    HEADERS_TIMEOUT: config.HEADERS_TIMEOUT,
    REQUEST_TIMEOUT: config.REQUEST_TIMEOUT,
    KEEP_ALIVE_TIMEOUT: config.KEEP_ALIVE_TIMEOUT,
    BODY_LIMIT: config.BODY_LIMIT,
    RATE: limit.rate,
    BURST: limit.burst,
    RETRY_AFTER: limit.retryAfterS,
    RATE_LIMIT_MAX: config.RATE_LIMIT_MAX,
    RATE_LIMIT_WINDOW_S: Math.round(config.RATE_LIMIT_WINDOW / 1000),
  });
}

/**
 * What the cache key starts with, and which answers may be stored: only those of that dataset. Written before
 * the replicas switch, so that once they have, no key the front looks up can hold the old dataset's answer.
 */
export function renderDatasetVersion(version: string): string {
  const quoted = JSON.stringify(version);
  return (
    `# Written by scripts/cluster.ts for the dataset the replicas serve.\n` +
    `map "" $dataset_version { default ${quoted}; }\n` +
    `map $upstream_http_x_dataset_version $other_dataset { default 1; "" 0; ${quoted} 0; }\n`
  );
}

/** NGINX if set, else nginx on PATH or in the sbin folders a non-root PATH on Debian leaves out. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NGINX) return existsSync(env.NGINX) ? env.NGINX : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, 'nginx')).find((path) => path.startsWith('/') && existsSync(path));
}
