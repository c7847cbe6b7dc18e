// Dataset versions: the release manifest, seed/releases/<version>.json, which `npm run release` writes and the seeder
// reads, and the `since` parameter of /v1/changes. Apart from the API's shapes (./releases.ts), which register
// OpenAPI components, so that the seeder and the GraphQL arguments do not load them.
import { z } from 'zod';
import { RECORD_TYPES } from '../lib/record-hash.js';

/** A dataset version as the seeder names it: `1.` and the first 12 hex digits of the inputs' SHA-256. */
export const DatasetVersionSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required: a dataset version such as 1.0123456789ab' : 'must be a string',
  })
  .max(40, { error: 'must be a dataset version such as 1.0123456789ab', abort: true })
  .regex(/^[0-9]{1,4}\.[0-9a-f]{12}$/, 'must be a dataset version such as 1.0123456789ab');

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const CountsSchema = z.record(z.string(), z.int32().min(0));

/** One file of seed/releases/: what `npm run release` writes and the seeder copies into the database. */
export const ReleaseManifestSchema = z.strictObject({
  version: DatasetVersionSchema,
  sequence: z.int32().min(1),
  date: z.iso.date(),
  notes: z.string().min(1).max(2000),
  counts: CountsSchema,
  records: z.array(z.strictObject({ type: z.enum(RECORD_TYPES), id: z.string().min(1), sha256: Sha256Schema })),
});
export type ReleaseManifest = z.infer<typeof ReleaseManifestSchema>;

export const ChangesQuerySchema = z.strictObject({
  since: DatasetVersionSchema.describe('A released dataset version (see /v1/releases).').meta({
    example: '1.0123456789ab',
  }),
});
