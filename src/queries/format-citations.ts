// What the exports (TimelineJS, iCalendar) show of a record's citations: the quote and the sources it rests on.
import type { Citation } from './citations.js';
import { recordUrl } from './mappers.js';

export interface CitedSource {
  title: string;
  /** The source's own URL where it has one, else its page on this API (the article has no URL of its own). */
  url: string;
}

/** The first quote of a document source (the article's words), with the citation that holds it. */
export function firstQuote(citations: readonly Citation[]): { quote: string; citationUrl: string } | null {
  const quoted = citations.find((c) => c.quote !== null);
  return quoted ? { quote: quoted.quote as string, citationUrl: recordUrl('citation', quoted.id) } : null;
}

/** The sources a record's citations name, each once, in citation order; relative API paths made absolute. */
export function citedSources(citations: readonly Citation[], origin: string): CitedSource[] {
  const seen = new Map<string, CitedSource>();
  for (const c of citations) {
    if (!seen.has(c.source_id)) {
      seen.set(c.source_id, { title: c.source_title, url: c.url ?? `${origin}${recordUrl('source', c.source_id)}` });
    }
  }
  return [...seen.values()];
}
