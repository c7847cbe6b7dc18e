// /v1/downloads: the whole dataset as files (the SQLite database, a Frictionless Data Package and its CSVs, a zip
// of the package), and the list of them. The files are streams to the caching plugin, so they bypass the in-memory
// response cache, which holds JSON answers; they carry their own strong ETag (dataset version + SHA-256 of the
// bytes), Repr-Digest (RFC 9530) and Range support (RFC 9110 §14), so an interrupted download resumes.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import parseRange from 'range-parser';
import { z } from 'zod';
import { etagMatches, setCachingHeaders } from '../plugins/http-caching.js';
import type { DownloadFile, DownloadSet } from '../queries/downloads.js';
import { DownloadListSchema, DownloadTableParamSchema } from '../schemas/downloads.js';
import { NoQuerySchema } from '../schemas/params.js';
import type { FormatsOptions } from './formats.js';
import { sendProblem } from './problem.js';
import { itemResponses, problem } from './responses.js';

/** Bytes per chunk written to the socket: a download is never one write of the whole file. */
const CHUNK = 64 * 1024;

function* chunksOf(body: Buffer, start: number, end: number) {
  for (let at = start; at <= end; at += CHUNK) yield body.subarray(at, Math.min(at + CHUNK, end + 1));
}

/** The strong validator of a file: the dataset version, so it changes with every dataset, and the bytes' hash. */
export function downloadEtag(version: string, file: DownloadFile): string {
  return `"${version}-${Buffer.from(file.sha256, 'hex').toString('base64url')}"`;
}

/** The range to send: the whole file, one range of it, or an answer already sent (416, 400). */
function rangeOf(request: FastifyRequest, reply: FastifyReply, size: number, etag: string) {
  const header = request.headers.range;
  if (header === undefined) return { start: 0, end: size - 1, partial: false };
  // If-Range names the representation the client holds a part of; for another one, the whole file is sent.
  const ifRange = request.headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag) return { start: 0, end: size - 1, partial: false };
  // A unit other than bytes (case-insensitive) is not understood, and must be ignored (RFC 9110 §14.2).
  const eq = header.indexOf('=');
  if (eq === -1 || header.slice(0, eq).trim().toLowerCase() !== 'bytes')
    return { start: 0, end: size - 1, partial: false };
  const ranges = parseRange(size, `bytes=${header.slice(eq + 1)}`, { combine: true });
  if (ranges === -2) {
    sendProblem(
      reply,
      'bad-request',
      'The Range header is not a valid range: send `bytes=<first>-<last>`, `bytes=<first>-` or `bytes=-<suffix length>`.',
    );
    return undefined;
  }
  if (ranges === -1) {
    reply.header('content-range', `bytes */${size}`);
    sendProblem(
      reply,
      'range-not-satisfiable',
      `No byte of the range asked for lies in the file, which has ${size} bytes.`,
    );
    return undefined;
  }
  // Several ranges (after merging those that overlap or touch) get the whole file in one answer, which RFC 9110
  // §14.2 allows, rather than a multipart body.
  if (ranges.length !== 1) return { start: 0, end: size - 1, partial: false };
  const range = ranges[0] as { start: number; end: number };
  return { start: range.start, end: range.end, partial: true };
}

/** Sends a file with its validators: 304 on a matching If-None-Match, 206 on a satisfiable Range, else 200. */
function sendFile(request: FastifyRequest, reply: FastifyReply, file: DownloadFile, version: string) {
  const size = file.body.length;
  const etag = downloadEtag(version, file);
  setCachingHeaders(reply, etag, version);
  reply.header('accept-ranges', 'bytes');
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  const range = rangeOf(request, reply, size, etag);
  if (!range) return reply;
  reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    // Of the whole representation, also on a 206: a client checks the file it has put together.
    .header('repr-digest', `sha-256=:${file.sha256Base64}:`)
    .header('content-length', range.end - range.start + 1);
  if (range.partial) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
  return reply.send(Readable.from(chunksOf(file.body, range.start, range.end)));
}

const RANGE_NOTE =
  'Send `Range: bytes=<first>-<last>` (or `bytes=<first>-`, `bytes=-<n>`) for part of the file: a 206 with ' +
  'Content-Range, and `If-Range: <ETag>` so that a part of another version is never joined to this one. A range ' +
  'that lies outside the file is a 416, a malformed one a 400; several ranges get the whole file. The ETag is strong (the dataset version ' +
  "and the bytes' SHA-256) and Repr-Digest (RFC 9530) is the SHA-256 of the whole file, on a 206 too.";

function fileResponses(mediaType: string, what: string) {
  const content = { [mediaType]: { schema: z.string().describe(what) } };
  return {
    200: { description: what, content },
    206: { description: `The range asked for, of ${what.charAt(0).toLowerCase()}${what.slice(1)}`, content },
    416: problem('The range asked for lies outside the file; Content-Range gives its size.'),
  };
}

// The two request headers a download reads, declared so that OpenAPI and the client name them; loose, because a
// route's header schema replaces request.headers with what it returns and every other header must stay.
const DownloadHeadersSchema = z.looseObject({
  range: z
    .string()
    .max(256)
    .optional()
    .describe(
      'One byte range, `bytes=<first>-<last>`, `bytes=<first>-` or `bytes=-<suffix length>`, to resume a download.',
    ),
  'if-range': z
    .string()
    .max(256)
    .optional()
    .describe("The file's strong ETag: the range is sent only if the file is still that one, else the whole file."),
});

const downloads: FastifyPluginAsyncZod<FormatsOptions> = async (app, { publicUrl }) => {
  app.get(
    '/downloads',
    {
      schema: {
        tags: ['downloads'],
        summary: 'Every whole-dataset download: URL, media type, size, SHA-256 and title',
        description:
          'The SQLite database, the zip of the Data Package, the Data Package descriptor and one CSV per table, ' +
          'all of the dataset version named here, with the licence and the attribution line to show beside them.',
        querystring: NoQuerySchema,
        response: itemResponses(DownloadListSchema, 'The downloads of the dataset being served.'),
      },
    },
    async () => app.data.current().downloadList(publicUrl),
  );

  const file = (
    url: string,
    pick: (files: DownloadSet) => DownloadFile,
    summary: string,
    description: string,
    mediaType: string,
    what: string,
  ) =>
    app.get(
      url,
      {
        config: { download: true },
        schema: {
          tags: ['downloads'],
          summary,
          description: `${description} ${RANGE_NOTE}`,
          querystring: NoQuerySchema,
          headers: DownloadHeadersSchema,
          response: fileResponses(mediaType, what),
        },
      },
      async (request, reply) => {
        const data = app.data.current();
        return sendFile(request, reply, pick(data.downloads()), data.dataset.version);
      },
    );

  file(
    '/downloads/history.sqlite',
    (files) => files.sqlite,
    'The SQLite database this API serves, byte for byte',
    'Open it with any SQLite client (`sqlite3`, Python `sqlite3`, better-sqlite3, Datasette). Saved as ' +
      '`karabakh-history-<version>.sqlite`.',
    'application/vnd.sqlite3',
    'The database file.',
  );
  file(
    '/downloads/history.zip',
    (files) => files.zip,
    'The Data Package as one zip: datapackage.json and csv/<table>.csv for every table',
    'Ready to deposit in an archive such as Zenodo. Saved as `karabakh-history-<version>.zip`.',
    'application/zip',
    'The zip archive.',
  );
  file(
    '/downloads/datapackage.json',
    (files) => files.dataPackage,
    'The Frictionless Data Package v2 descriptor of the CSV files',
    'One resource per table (named as in /v1/meta `counts`, plus the agreement link tables, the citations of ' +
      'the place identifiers and the boundary caveats), each with its path ' +
      '`csv/<table>.csv`, size, SHA-256 and inline Table Schema: field types, constraints, primary and foreign keys.',
    'application/json',
    'The datapackage.json descriptor.',
  );

  app.get(
    '/downloads/csv/:table.csv',
    {
      config: { download: true },
      schema: {
        tags: ['downloads'],
        summary: 'One table of the Data Package as CSV: a header row and every row, in primary-key order',
        description:
          'Cells follow the CSV rule of the lists: empty for null, numbers as stored. The columns and their types ' +
          `are the table's schema in datapackage.json. An unknown table is a 404. ${RANGE_NOTE}`,
        params: DownloadTableParamSchema,
        querystring: NoQuerySchema,
        headers: DownloadHeadersSchema,
        response: fileResponses('text/csv', 'The table as CSV.'),
      },
    },
    async (request, reply) => {
      const data = app.data.current();
      const csv = data.downloadTables.includes(request.params.table)
        ? data.downloads().csv.get(request.params.table)
        : undefined;
      if (!csv) {
        return sendProblem(reply, 404, `No table of that name. The tables are: ${data.downloadTables.join(', ')}.`);
      }
      return sendFile(request, reply, csv, data.dataset.version);
    },
  );
};

export default downloads;
