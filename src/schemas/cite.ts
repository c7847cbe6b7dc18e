// /v1/cite: its one parameter, and the CSL-JSON shape it answers in by default (the subset of CSL's data schema that
// this API fills; the tests validate the answers against the official schema itself).
import { z } from 'zod';

/** Every kind of record with a `/v1/<type>s/{id}` route, in the `record=<type>/<id>` parameter's words. */
export const CITABLE_TYPES = [
  'event',
  'place',
  'district',
  'actor',
  'agreement',
  'statistic',
  'claim',
  'observance',
  'source',
  'citation',
] as const;
export type CitableType = (typeof CITABLE_TYPES)[number];

const RECORD_SHAPE = /^[a-z_]{1,20}\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RECORD_MESSAGE = 'must be <type>/<id>, such as event/trilateral-statement-signed';

/** `<type>/<id>`, as the pair it names; whether that record exists is the query layer's to say (a 404). */
export const RecordParamSchema = z
  .string()
  .max(220, { error: RECORD_MESSAGE, abort: true })
  .regex(RECORD_SHAPE, RECORD_MESSAGE)
  .superRefine((value, ctx) => {
    // A citation is named by its number, as on /v1/citations/{id}.
    if (value.startsWith('citation/') && !/^citation\/[1-9][0-9]{0,8}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'a citation is named by its number, such as citation/108' });
    }
  })
  .transform((value) => {
    const [type = '', id = ''] = value.split('/');
    return { type, id };
  })
  .meta({ example: 'event/trilateral-statement-signed' })
  .describe(
    `The record to cite, as \`<type>/<id>\`; the types are ${CITABLE_TYPES.join(', ')} (each has a ` +
      '`/v1/<type>s/{id}` route; a citation is named by its number). Without it, the dataset is cited.',
  );

export const CiteQuerySchema = z.strictObject({ record: RecordParamSchema.optional() });
export type CiteQuery = z.output<typeof CiteQuerySchema>;

export const CSL_JSON = 'application/vnd.citationstyles.csl+json';
export const BIBTEX = 'application/x-bibtex';
export const PLAIN_TEXT = 'text/plain';
/** The media types /v1/cite answers in, its default first. */
export const CITE_REPRESENTATIONS = [CSL_JSON, BIBTEX, PLAIN_TEXT] as const;

const CslDateSchema = z.object({
  'date-parts': z
    .array(z.array(z.int32().min(1).max(9999)).min(1).max(3))
    .min(1)
    .max(1),
});

export const CslItemSchema = z
  .object({
    id: z.string(),
    type: z.enum(['dataset', 'article', 'webpage']),
    title: z.string(),
    'container-title': z.string().optional().describe('For a record: the dataset it is part of.'),
    version: z.string().optional().describe('The dataset version.'),
    URL: z.string().optional(),
    publisher: z.string().optional(),
    'publisher-place': z.string().optional(),
    issued: CslDateSchema.optional().describe("A source's publication day, where known."),
    language: z.string().optional(),
    archive: z.string().optional(),
    archive_location: z.string().optional().describe("This API's copy of a document's text."),
    locator: z.string().optional().describe('For a quote: its character offsets in the source text, `start-end`.'),
    note: z.string().optional().describe('The attribution line; for a quote, the quote and its offsets.'),
    custom: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Structured extras: the licence and attribution, the record cited, a quote with `start` and `end`.'),
  })
  .meta({
    id: 'CslItem',
    description: 'One CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).',
  });

export const CslJsonSchema = z
  .array(CslItemSchema)
  .min(1)
  .meta({
    id: 'CslJson',
    description:
      "CSL-JSON: the dataset first (for a record, the dataset with the record's URL), then one item per citation " +
      'of a source the record rests on.',
  });
export type CslItem = z.output<typeof CslItemSchema>;
