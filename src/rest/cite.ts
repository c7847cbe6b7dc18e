// /v1/cite: how to cite the dataset, or one record of it with the sources it rests on, in CSL-JSON, BibTeX or text.
// One URL, negotiated on Accept: the chosen type is part of the response cache's key (src/lib/negotiation.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chooseRepresentation } from '../lib/negotiation.js';
import { isCitableType } from '../queries/cite.js';
import { toBibtex, toCiteText, toCslJson } from '../queries/cite-formats.js';
import {
  BIBTEX,
  CITABLE_TYPES,
  CITE_REPRESENTATIONS,
  CiteQuerySchema,
  CSL_JSON,
  CslJsonSchema,
  PLAIN_TEXT,
} from '../schemas/cite.js';
import type { FormatsOptions } from './formats.js';
import { problem } from './responses.js';
import { sendProblem } from './problem.js';

const cite: FastifyPluginAsyncZod<FormatsOptions> = async (app, { publicUrl }) => {
  app.get(
    '/cite',
    {
      config: { representations: CITE_REPRESENTATIONS },
      schema: {
        tags: ['discovery'],
        summary: 'How to cite the dataset, or one record with the sources it rests on',
        description:
          `Negotiated on \`Accept\` (the answer says \`Vary: Accept\`): CSL-JSON (\`${CSL_JSON}\`, the default), ` +
          `BibTeX (\`${BIBTEX}\`) or one "cite as" line then the attribution line (\`${PLAIN_TEXT}\`); any other ` +
          'type is a 406. Every form names the dataset version, its licence and the attribution line. With ' +
          "`record=<type>/<id>` it cites that record: the dataset with the record's URL, then each citation of a " +
          "source the record rests on; a quote from a document comes with its character offsets in the source's " +
          'text (CSL `locator` and `custom.start`/`custom.end`, and in the note). An unknown type or id is a 404.',
        querystring: CiteQuerySchema,
        response: {
          200: {
            description: 'The citation.',
            content: {
              [CSL_JSON]: { schema: CslJsonSchema },
              [BIBTEX]: { schema: z.string().describe('BibTeX @misc entries, UTF-8.') },
              [PLAIN_TEXT]: { schema: z.string().describe('"Cite as: …", the attribution line, then the sources.') },
            },
          },
          404: problem('No record of that type, or none with that id.'),
          406: problem('Accept names none of the three types.'),
        },
      },
    },
    async (request, reply) => {
      const type = chooseRepresentation(request, reply);
      const { record } = request.query;
      if (record && !isCitableType(record.type)) {
        return sendProblem(
          reply,
          404,
          `No record type "${record.type}" can be cited; the types are ${CITABLE_TYPES.join(', ')}.`,
        );
      }
      const model = app.data
        .current()
        .citeModel(record && isCitableType(record.type) ? { type: record.type, id: record.id } : undefined);
      if (!model) return sendProblem(reply, 404, `No ${record?.type} with id "${record?.id}".`);
      if (type === BIBTEX) {
        return reply
          .type(`${BIBTEX}; charset=utf-8`)
          .serializer((body: string) => body)
          .send(toBibtex(model, publicUrl));
      }
      if (type === PLAIN_TEXT) {
        return reply
          .type(`${PLAIN_TEXT}; charset=utf-8`)
          .serializer((body: string) => body)
          .send(toCiteText(model, publicUrl));
      }
      return reply
        .type(`${CSL_JSON}; charset=utf-8`)
        .serializer((body: unknown) => JSON.stringify(body))
        .send(toCslJson(model, publicUrl));
    },
  );
};

export default cite;
