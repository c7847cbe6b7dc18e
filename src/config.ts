// The environment, parsed once at start-up: a bad value stops the process with one line naming the variable.
import { z } from 'zod';
import { fromRoot } from './paths.js';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/history.sqlite').transform(fromRoot),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per window per client address; the window in milliseconds. */
  RATE_LIMIT_MAX: int(1, 10_000_000).default(1000),
  RATE_LIMIT_WINDOW: int(1000, 86_400_000).default(60_000),
  /** Off behind a front that limits for every replica at once (npm run cluster), else each would allow N times. */
  RATE_LIMIT_ENABLED: bool.default(true),
  /** Trust X-Forwarded-For only behind a known proxy: a hop count, the proxy's addresses (comma-separated), or false. */
  TRUST_PROXY: z
    .union([
      bool,
      int(1, 10),
      z.string().regex(/^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$/, 'true, false, a hop count or addresses'),
    ])
    .default(false),
  /** ms a replica keeps answering after SIGTERM while /readyz says 503, so a balancer stops sending it requests. */
  DRAIN_DELAY: int(0, 600_000).default(0),
  /** Event-loop delay (ms) above which requests are shed with 503 + Retry-After; 0 turns shedding off. */
  MAX_EVENT_LOOP_DELAY: int(0, 60_000).default(1000),
  BODY_LIMIT: int(1024, 10 * 1024 * 1024).default(64 * 1024),
  REQUEST_TIMEOUT: int(1000, 600_000).default(10_000),
  HEADERS_TIMEOUT: int(1000, 600_000).default(5_000),
  KEEP_ALIVE_TIMEOUT: int(1000, 600_000).default(5_000),
  SHUTDOWN_TIMEOUT: int(1000, 60_000).default(9_000),
  /** Responses kept in the in-memory cache (0 turns it off). */
  RESPONSE_CACHE_SIZE: int(0, 1_000_000).default(2000),
  /**
   * The origin readers reach the API at, for the absolute links of exports read away from it (the calendar's URLs,
   * TimelineJS's links): a setting, not the request's Host, so that a cached answer never carries another's host.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) origin such as https://api.example.org' })
    .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), 'must be an origin only, without a path, query or fragment')
    .default('http://127.0.0.1:3000')
    .transform((v) => new URL(v).origin),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  throw new ConfigError(`Invalid configuration: ${name}=${JSON.stringify(env[name] ?? '')}: ${issue?.message}`);
}
