// Rules between the fields of valid records that no per-field schema can state: dates that agree with their
// precision, children inside their parents, control changes that match the places' blocks, figures that say who
// and when, and neutral words. Each problem names the file and the record, like every other seed error.
import type { SeedInput } from './load.js';
import type { SeedEvent } from './seed-schemas.js';

type Records = Omit<SeedInput, 'offsets' | 'inputSha256' | 'releases'>;

/** The shape each part of an EDTF interval takes at a precision (`..` is an open end, allowed at any precision). */
const EDTF_PART: Partial<Record<SeedEvent['date']['precision'], RegExp>> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  decade: /^\d{3}X$/,
};

/** What a precision and an EDTF string must share; null when they agree. */
export function precisionMismatch(date: SeedEvent['date']): string | null {
  const { precision, edtf } = date;
  const parts = edtf.split('/');
  if (precision === 'approximate') {
    return /[~%]/.test(edtf) ? null : `precision approximate needs "~" or "%" in its EDTF, not "${edtf}"`;
  }
  const shape = EDTF_PART[precision];
  if (shape && !parts.every((part) => part === '..' || shape.test(part))) {
    return `precision ${precision} does not match EDTF "${edtf}"`;
  }
  const openEnd = parts.length === 2 && parts[1] === '..';
  if (openEnd !== (date.end === null)) {
    return `an open end is end: null with an EDTF ending "/..", not end ${date.end ?? 'null'} with "${edtf}"`;
  }
  return null;
}

/**
 * The contested words of either side (reference README, "Contested wording"): kept in quotes and claims,
 * never in the API's own words. Names such as "Victory Day" do not match.
 */
const CONTESTED =
  /\b(liberat\w*|occupied|occupiers?\w*|aggression|martyrs?\w*|(?:anti-)?terroris\w*|anti-terror\w*|genocide|ethnic cleansing|heroi\w*|victorious)\b/i;

/** Text outside quotation marks: what the record says in its own words. */
export function ownWords(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|'[^']*'(?!\w)/g, ' ');
}

function contestedWord(text: string | null): string | null {
  if (text === null) return null;
  return ownWords(text).match(CONTESTED)?.[0] ?? null;
}

const ROLE_BLOCKS = {
  returned_to_azerbaijani_control: 'return_event',
  came_under_control: 'occupation_event',
} as const;

export function checkInvariants(input: Records, problems: string[]): void {
  const eventsById = new Map(input.events.map((e) => [e.id, e]));
  const placesBySlug = new Map(input.places.map((p) => [p.slug, p]));
  /** Whether `id` is `ancestor` or lies under it. */
  const within = (id: string | null, ancestor: string): boolean => {
    for (let at = id, steps = 0; at && steps < eventsById.size; at = eventsById.get(at)?.parent ?? null, steps++) {
      if (at === ancestor) return true;
    }
    return false;
  };

  for (const e of input.events) {
    const mismatch = precisionMismatch(e.date);
    if (mismatch) problems.push(`events: "${e.id}": field date: ${mismatch}`);

    const parent = e.parent ? eventsById.get(e.parent) : undefined;
    if (parent) {
      const endsInside = parent.date.end === null || (e.date.end !== null && e.date.end <= parent.date.end);
      if (e.date.start < parent.date.start || !endsInside) {
        problems.push(
          `events: "${e.id}": field date: ${e.date.start}/${e.date.end ?? '..'} is not inside its parent "${parent.id}" (${parent.date.start}/${parent.date.end ?? '..'})`,
        );
      }
    }

    e.places.forEach((p, i) => {
      const block = ROLE_BLOCKS[p.role as keyof typeof ROLE_BLOCKS];
      const place = placesBySlug.get(p.place);
      if (!block || !place) return;
      // An event that sums up several changes (the early 1990s) matches a place whose own change lies within it.
      if (!place[block] || !within(place[block], e.id)) {
        problems.push(
          `events: "${e.id}": field places.${i}.role: ${p.role} for "${p.place}", but its ${block} is ${place[block] ? `"${place[block]}"` : 'null'}`,
        );
      }
    });

    for (const field of ['title', 'summary'] as const) {
      const word = contestedWord(e[field]);
      if (word) problems.push(`events: "${e.id}": field ${field}: contested word "${word}" outside a quotation`);
    }
  }

  for (const p of input.places) {
    for (const field of ['description', 'note'] as const) {
      const word = contestedWord(p[field]);
      if (word) problems.push(`places: "${p.slug}": field ${field}: contested word "${word}" outside a quotation`);
    }
  }

  for (const s of input.statistics) {
    if (s.reporter === null) problems.push(`statistics: "${s.id}": field reporter: who reported the figure is missing`);
    if (s.as_of === null && s.as_of_text === null) {
      problems.push(
        `statistics: "${s.id}": field as_of: missing; give the date, or an as_of_text saying the source gives none`,
      );
    }
    if ((s.low === null) !== (s.high === null)) {
      problems.push(`statistics: "${s.id}": field low: a range needs both low and high`);
    } else if (s.low !== null && s.high !== null && !(s.low <= s.value && s.value <= s.high)) {
      problems.push(`statistics: "${s.id}": field value: ${s.value} is not within low ${s.low} and high ${s.high}`);
    }
    const word = contestedWord(s.label);
    if (word) problems.push(`statistics: "${s.id}": field label: contested word "${word}" outside a quotation`);
  }

  for (const s of input.sources) {
    if (s.kind === 'reference' && s.url === null) {
      problems.push(`sources: "${s.id}": field url: a reference needs a URL (a document needs its text)`);
    }
  }
}
