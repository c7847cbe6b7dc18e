import { z } from 'zod';
import { CitationSchema, RecordUrl } from './common.js';

export const ClaimSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['characterisation', 'allegation', 'denial', 'account']),
    claimant: z.string().describe('Who says so.'),
    claimant_actor_id: z.string().nullable(),
    statement: z.string().describe('The claim in neutral reporting words ("The article says that …").'),
    source_id: z.string(),
    event_id: z.string().nullable(),
    citations: z.array(CitationSchema),
    url: RecordUrl,
  })
  .meta({
    id: 'Claim',
    description: "A source's own characterisation or allegation, attributed to it; never a plain fact.",
  });
