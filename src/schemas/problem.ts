import { z } from 'zod';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z
      .array(z.object({ in: z.enum(['query', 'path', 'header', 'body']), name: z.string(), message: z.string() }))
      .optional()
      .describe('Each bad parameter, for validation errors.'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document.' });
