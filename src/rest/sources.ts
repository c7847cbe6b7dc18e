// /v1/sources: the article verbatim with its SHA-256, the reference pages, and every citation of each.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CitationSchema } from '../schemas/common.js';
import { IdParamSchema, NoQuerySchema, SourceCitationsQuerySchema, SourcesQuerySchema } from '../schemas/params.js';
import { SourceDetailSchema, SourceSchema } from '../schemas/sources.js';
import { sendList } from './list.js';
import { sendProblem } from './problem.js';
import { itemResponses, listResponses } from './responses.js';

const sources: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'The article and every reference page cited, with how often each is cited',
        querystring: SourcesQuerySchema,
        response: listResponses(SourceSchema, 'A page of sources: documents first.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().pageSources(request.query), request.query.limit),
  );

  app.get(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'One source: metadata, SHA-256, and the full text for documents',
        querystring: NoQuerySchema,
        params: IdParamSchema,
        response: itemResponses(SourceDetailSchema, 'The source.'),
      },
    },
    async (request, reply) => {
      const source = app.data.current().getSource(request.params.id);
      if (!source) return sendProblem(reply, 404, `No source with id "${request.params.id}".`);
      return source;
    },
  );

  app.get(
    '/sources/:id/citations',
    {
      schema: {
        tags: ['sources'],
        summary: 'Every citation of a source: the quote, its offsets, and the record it supports',
        description: 'In text order for documents: `text.slice(start, end) === quote` for each.',
        params: IdParamSchema,
        querystring: SourceCitationsQuerySchema,
        response: listResponses(CitationSchema, 'A page of the citations of the source.', {
          notFound: 'No source with that id.',
        }),
      },
    },
    async (request, reply) => {
      const repo = app.data.current();
      const { id } = request.params;
      if (!repo.getSource(id)) return sendProblem(reply, 404, `No source with id "${id}".`);
      return sendList(request, reply, repo.pageSourceCitations(id, request.query), request.query.limit);
    },
  );
};

export default sources;
