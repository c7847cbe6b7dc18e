// The citation of /v1/cite worded three ways: CSL-JSON (what reference managers import), BibTeX and one "cite as"
// line of text. Every form names the dataset version and carries the licence and the attribution line.
import type { CslItem } from '../schemas/cite.js';
import type { CiteModel, SourceCitation } from './cite.js';
import { attribution, DATASET_TITLE, LICENCE } from './licence.js';

/** A stable key for the dataset version: the same in CSL `id` and BibTeX key. */
const datasetKey = (version: string) => `karabakh-history-api-${version}`;

const recordKey = (model: CiteModel) =>
  model.record ? `${datasetKey(model.version)}-${model.record.type}-${model.record.id}` : datasetKey(model.version);

const citationKey = (c: SourceCitation) =>
  c.citationId === null ? c.source.id : `${c.source.id}-citation-${c.citationId}`;

/** Where the quote sits in the source's text, as `text.slice(start, end) === quote`. */
function quoteNote(c: SourceCitation, origin: string): string | null {
  if (c.quote === null || c.start === null || c.end === null) return null;
  const text = `${origin}/v1/sources/${encodeURIComponent(c.source.id)}`;
  return `Quoted from characters ${c.start} to ${c.end} of the source's text (start inclusive, end exclusive; ${text}): "${c.quote}"`;
}

/** The dataset's note on a citation, then where the quote is; null where there is neither. */
function citationNote(c: SourceCitation, origin: string): string | null {
  const parts = [quoteNote(c, origin), c.note === null ? null : `Note in the dataset: ${c.note}`];
  const present = parts.filter((p): p is string => p !== null);
  return present.length ? present.join(' ') : null;
}

/** A day as CSL date parts; only as exact as the source gives it. */
function dateParts(day: string | null) {
  if (!day) return undefined;
  return { 'date-parts': [day.split('-').map(Number)] };
}

/** The dataset (or the record, as part of it) first, then one item per citation of a source. */
export function toCslJson(model: CiteModel, origin: string): CslItem[] {
  const { version, record } = model;
  const head: CslItem = {
    id: recordKey(model),
    type: 'dataset',
    title: record ? record.label : DATASET_TITLE,
    ...(record ? { 'container-title': DATASET_TITLE } : {}),
    version,
    URL: record ? `${origin}${record.path}` : `${origin}/`,
    note: attribution(version),
    custom: {
      license: LICENCE,
      attribution: attribution(version),
      ...(record ? { record: { type: record.type, id: record.id, url: `${origin}${record.path}` } } : {}),
    },
  };
  const sources = model.citations.map((c): CslItem => {
    const note = citationNote(c, origin);
    const hasQuote = c.quote !== null && c.start !== null && c.end !== null;
    const issued = dateParts(c.source.published_on);
    return {
      id: citationKey(c),
      type: c.source.kind === 'document' ? 'article' : 'webpage',
      title: c.source.title,
      ...(c.source.publisher ? { publisher: c.source.publisher } : {}),
      ...(c.source.place_of_publication ? { 'publisher-place': c.source.place_of_publication } : {}),
      ...(issued ? { issued } : {}),
      language: c.source.language,
      ...(c.source.url ? { URL: c.source.url } : {}),
      // A document's text is held by this API: its copy is where the offsets count from.
      ...(c.source.kind === 'document'
        ? {
            archive: DATASET_TITLE,
            archive_location: `${origin}/v1/sources/${encodeURIComponent(c.source.id)}`,
          }
        : {}),
      ...(hasQuote ? { locator: `${c.start}-${c.end}` } : {}),
      ...(note ? { note } : {}),
      custom: {
        source_id: c.source.id,
        ...(c.citationId === null ? {} : { citation_url: `${origin}/v1/citations/${c.citationId}` }),
        ...(hasQuote ? { quote: c.quote, start: c.start, end: c.end } : {}),
      },
    };
  });
  return [head, ...sources];
}

/** TeX's special characters, written so that BibTeX and LaTeX read them as the characters they are. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => {
    if (ch === '\\') return '\\textbackslash{}';
    if (ch === '~') return '\\textasciitilde{}';
    if (ch === '^') return '\\textasciicircum{}';
    return `\\${ch}`;
  });
}

/** A URL goes in verbatim; braces are the one thing that would end its field, and no URL here holds them. */
const bibtexUrl = (url: string) => url.replace(/[{}]/g, (ch) => encodeURIComponent(ch));

function entry(type: string, key: string, fields: [string, string | undefined, 'text' | 'url' | 'raw'][]): string {
  const lines = fields
    .filter((f): f is [string, string, 'text' | 'url' | 'raw'] => f[1] !== undefined)
    .map(([name, value, kind]) => {
      const written = kind === 'text' ? bibtexEscape(value) : kind === 'url' ? bibtexUrl(value) : value;
      return `  ${name} = {${written}}`;
    });
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

/** BibTeX @misc entries (what every style knows), with BibLaTeX's `version`, `date` and `url` fields. */
export function toBibtex(model: CiteModel, origin: string): string {
  const { version, record } = model;
  const head = entry('misc', recordKey(model), [
    // Double braces keep the title's capitals as written, whatever the style does to titles.
    ['title', record ? `{${bibtexEscape(record.label)}}` : `{${bibtexEscape(DATASET_TITLE)}}`, 'raw'],
    ['howpublished', record ? `${DATASET_TITLE}, dataset version ${version}` : `Dataset version ${version}`, 'text'],
    ['version', version, 'text'],
    ['url', record ? `${origin}${record.path}` : `${origin}/`, 'url'],
    ['note', attribution(version), 'text'],
    ['license', LICENCE.id, 'text'],
  ]);
  const sources = model.citations.map((c) =>
    entry('misc', citationKey(c), [
      ['title', `{${bibtexEscape(c.source.title)}}`, 'raw'],
      ['publisher', c.source.publisher ?? undefined, 'text'],
      ['address', c.source.place_of_publication ?? undefined, 'text'],
      ['year', c.source.published_on?.slice(0, 4), 'text'],
      ['date', c.source.published_on ?? undefined, 'text'],
      ['url', c.source.url ?? undefined, 'url'],
      ['note', citationNote(c, origin) ?? undefined, 'text'],
    ]),
  );
  return [head, ...sources].join('\n');
}

/** A source in one line: title, publisher, place, day, URL. */
function sourceLine(c: SourceCitation, origin: string): string {
  const s = c.source;
  const where = [s.publisher, s.place_of_publication, s.published_on].filter(Boolean).join(', ');
  const parts = [s.title, where, s.url ?? `${origin}/v1/sources/${encodeURIComponent(s.id)}`].filter(Boolean);
  const note = citationNote(c, origin);
  return `- ${parts.join('. ')}.${note ? ` ${note}` : ''}`;
}

/**
 * The "cite as" line, then the attribution line; for a record, then a line per citation of a source. A school app
 * can show the first two lines as they are.
 */
export function toCiteText(model: CiteModel, origin: string): string {
  const { version, record } = model;
  const citeAs = record
    ? `"${record.label}" (${record.type} ${record.id}), in ${DATASET_TITLE}, dataset version ${version}. ${origin}${record.path}`
    : `${DATASET_TITLE}, dataset version ${version}. ${origin}/`;
  const lines = [`Cite as: ${citeAs}`, attribution(version)];
  if (model.citations.length) lines.push('', 'Sources:', ...model.citations.map((c) => sourceLine(c, origin)));
  return `${lines.join('\n')}\n`;
}
