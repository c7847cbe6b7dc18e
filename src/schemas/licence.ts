// The data's licence as a record (SPDX id, name, deed URL): /v1/meta and the citations carry it beside `attribution`.
import { z } from 'zod';

export const LicenseSchema = z
  .object({
    id: z.string().describe('SPDX licence id, e.g. CC-BY-4.0.'),
    name: z.string(),
    url: z.string().describe("The licence deed's URL."),
  })
  .meta({ id: 'License', description: "The data's licence; quotes stay the words of their sources." });

export const AttributionSchema = z
  .string()
  .describe('One line to show beside any use of the data, as it is; it names the dataset version.');
