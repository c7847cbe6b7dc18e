import { z } from 'zod';
import { SOURCE_ORIGINS } from './enums.js';

const count = z.int32().min(0);

export const BalanceCountsSchema = z
  .object({
    events: count,
    statistics: count,
    claims: count.describe('A claim concerns what its event concerns.'),
  })
  .meta({ id: 'BalanceCounts', description: 'How many records of each kind concern one people (or neither).' });

export const BalanceSchema = z
  .object({
    concerns: z
      .object({
        azerbaijanis: BalanceCountsSchema,
        armenians: BalanceCountsSchema,
        neither: BalanceCountsSchema.describe('Records about neither people, e.g. the Minsk Group founding.'),
      })
      .describe('A record about both peoples is counted under each.'),
    sources_by_origin: z.object(
      Object.fromEntries(SOURCE_ORIGINS.map((o) => [o, count])) as Record<
        (typeof SOURCE_ORIGINS)[number],
        typeof count
      >,
    ),
  })
  .meta({
    id: 'Balance',
    description: 'The balance report: whose people the records concern, and where the sources come from.',
  });
