// The REST API v1: one route plugin per resource, all under /v1.
import type { FastifyPluginAsync } from 'fastify';
import { describeParamErrors, unknownRecordErrors } from '../lib/validation-errors.js';
import canonicalCase from './canonical-case.js';
import cite from './cite.js';
import discovery from './discovery.js';
import downloads from './downloads.js';
import events from './events.js';
import formats, { type FormatsOptions } from './formats.js';
import geo from './geo.js';
import observances from './observances.js';
import places from './places.js';
import { sendProblem } from './problem.js';
import records from './records.js';
import releases from './releases.js';
import sources from './sources.js';

const rest: FastifyPluginAsync<FormatsOptions> = async (app, { publicUrl }) => {
  // After validation, on every route: a list filter naming a record that does not exist (place=atlantis) is a 400
  // naming the filter, since an empty page would read as "nothing happened there".
  app.addHook('preHandler', async (request, reply) => {
    const unknown = app.data.current().unknownReferences(request.query ?? {});
    if (unknown.length === 0) return;
    const errors = unknownRecordErrors(unknown, 'query');
    return sendProblem(reply, 400, describeParamErrors(errors), errors);
  });
  await app.register(canonicalCase);
  await app.register(events);
  await app.register(places);
  await app.register(records);
  await app.register(observances);
  await app.register(sources);
  await app.register(discovery, { publicUrl });
  await app.register(formats, { publicUrl });
  await app.register(downloads, { publicUrl });
  await app.register(releases);
  await app.register(cite, { publicUrl });
  await app.register(geo, { publicUrl });
};

export default rest;
