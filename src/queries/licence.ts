// The dataset's title, licence and attribution, said once: /v1/meta, the downloads, the citations, the Data
// Package and the schema.org Dataset all carry the same words, so a school app can show any of them as they are.

export const DATASET_TITLE = 'Karabakh History API';

/** SPDX id, name and deed of the data's licence; the dataset's own `licence` text adds that quotes stay their sources'. */
export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** One line to show beside any use of the data, naming the dataset version it came from. */
export function attribution(version: string): string {
  return `Data: ${DATASET_TITLE}, dataset ${version}, CC BY 4.0 (${LICENCE.url}), with each fact credited to the sources it cites.`;
}
