// Small typed helpers for reading app.inject responses.
import type { App } from '../../src/app.js';

export async function getJson<T = Record<string, unknown>>(
  app: App,
  url: string,
  headers: Record<string, string> = {},
) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { response, status: response.statusCode, body: response.json() as T };
}

export interface ListBody<T> {
  data: T[];
  page: { limit: number; next_cursor: string | null };
}

/** Follows next_cursor from `url` to the end and returns every item, in order. */
export async function walk<T>(app: App, url: string, maxPages = 200): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let next: string | null = url;
  let pages = 0;
  while (next && pages < maxPages) {
    const { status, body } = await getJson<ListBody<T>>(app, next);
    if (status !== 200) throw new Error(`${next} answered ${status}`);
    items.push(...body.data);
    pages++;
    const cursor = body.page.next_cursor;
    if (cursor) {
      const u: URL = new URL(next, 'http://x');
      u.searchParams.set('cursor', cursor);
      next = `${u.pathname}${u.search}`;
    } else next = null;
  }
  return { items, pages };
}
