// /problems and /problems/<name>: what each problem `type` URL means, from the one list in src/rest/problem-types.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoQuerySchema } from '../schemas/params.js';
import { sendProblem } from '../rest/problem.js';
import { problem } from '../rest/responses.js';
import { PROBLEM_TYPES, problemType, problemTypeUrl, type ProblemType } from '../rest/problem-types.js';
import { ProblemTypeListSchema, ProblemTypeSchema } from '../schemas/problem.js';

const CACHE_CONTROL = 'public, max-age=86400';
const describe = (type: ProblemType) => ({ type: problemTypeUrl(type), ...type });

const problems: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/problems',
    {
      schema: {
        tags: ['operations'],
        summary: 'Every problem type this API answers with',
        querystring: NoQuerySchema,
        response: { 200: ProblemTypeListSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', CACHE_CONTROL).send({ data: PROBLEM_TYPES.map(describe) }),
  );
  app.get(
    '/problems/:name',
    {
      schema: {
        tags: ['operations'],
        summary: 'What one problem type means',
        params: z.object({
          name: z
            .string()
            .max(64)
            .describe('The last segment of a problem `type`, e.g. `not-found`.')
            .meta({ example: 'not-found' }),
        }),
        querystring: NoQuerySchema,
        response: {
          200: ProblemTypeSchema,
          404: problem('No problem type of that name.'),
        },
      },
    },
    async (request, reply) => {
      const type = problemType(request.params.name);
      if (!type) return sendProblem(reply, 404, 'No problem type of that name. /problems lists them all.');
      return reply.header('cache-control', CACHE_CONTROL).send(describe(type));
    },
  );
};

export default problems;
