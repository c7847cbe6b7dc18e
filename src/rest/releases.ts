// /v1/releases and /v1/changes: the dataset's releases, and which records changed since one of them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoQuerySchema } from '../schemas/params.js';
import { ChangesQuerySchema } from '../schemas/release-manifest.js';
import { ChangesSchema, ReleasesSchema, UnknownVersionProblemSchema } from '../schemas/releases.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem.js';
import { itemResponses } from './responses.js';

const releases: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/releases',
    {
      schema: {
        tags: ['releases'],
        summary: 'The releases of the dataset, newest first, always with the dataset being served',
        querystring: NoQuerySchema,
        response: itemResponses(ReleasesSchema, 'Every release: version, date, counts and notes.'),
      },
    },
    async () => {
      const repo = app.data.current();
      return { current: repo.dataset.version, releases: repo.listReleases() };
    },
  );

  app.get(
    '/changes',
    {
      schema: {
        tags: ['releases'],
        summary: 'The records added, changed and removed since a released version, by content hash',
        description:
          'Compares the content hash (SHA-256 over the canonical JSON) of every record in the release `since` with the dataset being served. `since` equal to the served version gives empty lists.',
        querystring: ChangesQuerySchema,
        response: {
          ...itemResponses(ChangesSchema, 'What changed from `since` to the served version.'),
          404: {
            description: 'No release with that version: `known_versions` lists those there are.',
            content: { 'application/problem+json': { schema: UnknownVersionProblemSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const repo = app.data.current();
      const { since } = request.query;
      const changes = repo.changesSince(since);
      if (changes) return changes;
      const known = repo.knownVersions();
      const body = {
        ...problemBody(404, `No release with version "${since}". Known versions: ${known.join(', ')}.`, request),
        known_versions: known,
      };
      return reply.code(404).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
    },
  );
};

export default releases;
