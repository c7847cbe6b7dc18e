// The list of whole-dataset downloads (/v1/downloads, and GraphQL's meta.downloads) and the CSV route's parameter.
import { z } from 'zod';

const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe("SHA-256 of the file's bytes, hex.");

export const DownloadSchema = z
  .object({
    url: z.url().describe('Absolute URL of the file, under PUBLIC_URL.'),
    media_type: z.string().describe('The Content-Type the file is sent with.'),
    bytes: z.int32().min(0).describe('Size of the file in bytes.'),
    sha256,
    title: z.string(),
  })
  .meta({ id: 'Download' });

export const DownloadListSchema = z
  .object({
    version: z.string().describe('The dataset version every file of the list holds.'),
    licence: z
      .object({
        id: z.string().describe('SPDX identifier.'),
        name: z.string(),
        url: z.url().describe("The licence's deed."),
      })
      .describe("The data's licence; quotes remain the words of their sources."),
    attribution: z.string().describe('One line to show beside any use of the data, naming the dataset version.'),
    downloads: z.array(DownloadSchema),
  })
  .meta({ id: 'DownloadList' });

export const DownloadTableParamSchema = z.object({
  table: z
    .string()
    .max(100)
    .describe("A table of the Data Package, named as in /v1/meta's counts.")
    .meta({ example: 'events' }),
});
