// How a record's `concerns` list is stored: one 0/1 column per people, so that the balance report counts with SUM.
import type { People } from '../schemas/enums.js';

export interface ConcernsColumns {
  concernsAzerbaijanis: number;
  concernsArmenians: number;
}

/** The columns for a list of peoples. */
export function concernsColumns(concerns: readonly People[]): ConcernsColumns {
  return {
    concernsAzerbaijanis: concerns.includes('azerbaijanis') ? 1 : 0,
    concernsArmenians: concerns.includes('armenians') ? 1 : 0,
  };
}

/** The list back from the columns, always in the order of PEOPLES. */
export function concernsOf(row: ConcernsColumns): People[] {
  const out: People[] = [];
  if (row.concernsAzerbaijanis) out.push('azerbaijanis');
  if (row.concernsArmenians) out.push('armenians');
  return out;
}
