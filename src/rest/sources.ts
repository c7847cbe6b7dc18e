// /v1/sources: the article verbatim with its SHA-256, the reference pages, and every citation of each.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, NoQuerySchema, PageQuerySchema } from '../schemas/params.js';
import { SourceCitationsSchema, SourceDetailSchema, SourceSchema } from '../schemas/sources.js';
import { pageOf, sendList } from './list.js';
import { sendProblem } from './problem.js';
import { itemResponses, listResponses } from './responses.js';

const sources: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'The article and every reference page cited, with how often each is cited',
        querystring: PageQuerySchema,
        response: listResponses(SourceSchema, 'A page of sources: documents first.'),
      },
    },
    async (request, reply) => {
      const all = app.data.current().listSources();
      return sendList(request, reply, pageOf(all, request.query.limit, request.query.cursor), request.query.limit);
    },
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
        querystring: NoQuerySchema,
        params: IdParamSchema,
        response: itemResponses(SourceCitationsSchema, 'All citations of the source.'),
      },
    },
    async (request, reply) => {
      const repo = app.data.current();
      if (!repo.getSource(request.params.id))
        return sendProblem(reply, 404, `No source with id "${request.params.id}".`);
      return { data: repo.citationsOfSource(request.params.id) };
    },
  );
};

export default sources;
