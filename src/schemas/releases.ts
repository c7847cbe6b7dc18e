// Releases and the changes feed: the API's shapes (the manifest file and `since` are in ./release-manifest.ts).
import { z } from 'zod';
import { RECORD_TYPES } from '../lib/record-hash.js';
import { ProblemSchema } from './problem.js';
import { CountsSchema } from './release-manifest.js';

export const ReleaseSchema = z
  .object({
    version: z.string().describe('The dataset version.'),
    date: z.string().describe('YYYY-MM-DD: the newest publication date among the sources the release rests on.'),
    counts: CountsSchema.describe('Rows per table, as in /v1/meta.'),
    notes: z.string().describe('What the release holds or changed, in a few words.'),
    current: z.boolean().describe('Whether this is the dataset this server answers from.'),
    changes_url: z.string().describe('What changed from this release to the current dataset: /v1/changes?since=….'),
  })
  .meta({ id: 'Release', description: 'One release of the dataset.' });

export const ReleasesSchema = z
  .object({
    current: z.string().describe('The version of the dataset being served.'),
    releases: z.array(ReleaseSchema).describe('Newest first; always holds the dataset being served.'),
  })
  .meta({ id: 'Releases' });

export const RecordChangeSchema = z
  .object({
    type: z.enum(RECORD_TYPES),
    id: z.string(),
    url: z.string().describe('The record on this API; for a removed record, where it was.'),
  })
  .meta({ id: 'RecordChange' });

export const ChangesSchema = z
  .object({
    from: z.string().describe('The version asked for (`since`).'),
    to: z.string().describe('The version being served.'),
    added: z.array(RecordChangeSchema).describe('Records in `to` and not in `from`.'),
    changed: z.array(RecordChangeSchema).describe('Records in both whose content hash differs.'),
    removed: z.array(RecordChangeSchema).describe('Records in `from` and not in `to`.'),
  })
  .meta({ id: 'Changes', description: 'Each list is sorted by type, then id.' });

export const UnknownVersionProblemSchema = ProblemSchema.extend({
  known_versions: z.array(z.string()).describe('Every version /v1/changes knows, newest first.'),
}).meta({ id: 'UnknownVersionProblem', description: 'A 404 problem for a version never released here.' });
