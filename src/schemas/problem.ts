import { z } from 'zod';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string().describe('The id of the request, also sent as X-Request-Id and written in the log.'),
    errors: z
      .array(z.object({ in: z.enum(['query', 'path', 'header', 'body']), name: z.string(), message: z.string() }))
      .optional()
      .describe('Each bad parameter, for validation errors.'),
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem document. `type` is a path on this API, `/problems/<name>`, that describes it.',
  });

export const ProblemTypeSchema = z
  .object({
    type: z.string().describe('The URL problem documents of this type carry in `type`: this document.'),
    name: z.string(),
    status: z.number().int().min(100).max(599).describe('The HTTP status answered with it.'),
    title: z.string(),
    description: z.string().describe('What the problem means and what a client can do about it.'),
  })
  .meta({ id: 'ProblemType', description: 'A kind of problem this API answers with.' });

export const ProblemTypeListSchema = z
  .object({ data: z.array(ProblemTypeSchema) })
  .meta({ id: 'ProblemTypeList', description: 'Every problem type this API answers with.' });
