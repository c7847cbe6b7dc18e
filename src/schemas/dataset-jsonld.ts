// The schema.org Dataset that /v1/meta answers for `Accept: application/ld+json` (src/queries/dataset-jsonld.ts).
import { z } from 'zod';

const DataDownloadSchema = z.object({
  '@type': z.literal('DataDownload'),
  name: z.string(),
  description: z.string(),
  contentUrl: z.url().describe('Absolute, on PUBLIC_URL.'),
  encodingFormat: z.string().describe('The media type of the file.'),
});

const CreativeWorkSchema = z.object({
  '@type': z.literal('CreativeWork'),
  name: z.string(),
  url: z.url().optional(),
  publisher: z.object({ '@type': z.literal('Organization'), name: z.string() }).optional(),
  datePublished: z.string().optional(),
});

export const DatasetJsonLdSchema = z
  .object({
    '@context': z.literal('https://schema.org/'),
    '@type': z.literal('Dataset'),
    '@id': z.url(),
    name: z.string(),
    description: z.string(),
    url: z.url().describe("The explorer's page, on PUBLIC_URL."),
    version: z.string(),
    dateModified: z.string().describe('When this dataset version was built.'),
    inLanguage: z.string(),
    license: z.url(),
    isAccessibleForFree: z.literal(true),
    creditText: z.string().describe('The attribution line, as in the downloads and citations.'),
    temporalCoverage: z
      .string()
      .optional()
      .describe(
        'ISO 8601 interval from the earliest to the latest day the facts cover, each end only as exact as it is known; `..` for an open end (a fact still ongoing).',
      ),
    spatialCoverage: z.object({
      '@type': z.literal('Place'),
      name: z.string(),
      geo: z
        .object({
          '@type': z.literal('GeoShape'),
          box: z
            .string()
            .describe("`south west north east` (degrees): the box around the places' points and polygons."),
        })
        .optional(),
    }),
    isBasedOn: z.array(CreativeWorkSchema).describe('The documents the facts are drawn from.'),
    distribution: z.array(DataDownloadSchema).describe('The whole-file downloads of the data.'),
  })
  .meta({ id: 'DatasetJsonLd' });
