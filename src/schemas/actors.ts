import { z } from 'zod';
import { CitationSchema, RecordUrl } from './common.js';
import { ACTOR_KINDS } from './enums.js';
import { PlaceEventSchema } from './places.js';

export const ActorSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ACTOR_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    affiliation: z.object({ id: z.string(), name: z.string(), url: RecordUrl }).nullable(),
    url: RecordUrl,
  })
  .meta({ id: 'Actor' });

export const ActorDetailSchema = ActorSchema.extend({
  events: z.array(PlaceEventSchema).describe('Events the actor took part in, with its role, in date order.'),
  citations: z.array(CitationSchema),
}).meta({ id: 'ActorDetail' });
