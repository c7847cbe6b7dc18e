import { z } from 'zod';
import { IsoDay } from './common.js';
import { SOURCE_ORIGINS } from './enums.js';

export const SourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['document', 'reference']),
    title: z.string(),
    publisher: z.string().nullable(),
    origin: z.enum(SOURCE_ORIGINS).describe('Where the source comes from, by its publisher (README, "Balance").'),
    place_of_publication: z.string().nullable(),
    published_on: IsoDay.nullable(),
    language: z.string(),
    url: z.string().nullable(),
    sha256: z.string().nullable().describe('SHA-256 of the stored text (documents only).'),
    licence: z.string().nullable(),
    citation_count: z.int32().min(0),
  })
  .meta({ id: 'Source' });

export const SourceDetailSchema = SourceSchema.extend({
  text: z.string().nullable().describe('The full text, verbatim, for documents; null for references.'),
}).meta({ id: 'SourceDetail' });
