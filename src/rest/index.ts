// The REST API v1: one route plugin per resource, all under /v1.
import type { FastifyPluginAsync } from 'fastify';
import canonicalCase from './canonical-case.js';
import discovery from './discovery.js';
import events from './events.js';
import places from './places.js';
import records from './records.js';
import sources from './sources.js';

const rest: FastifyPluginAsync = async (app) => {
  await app.register(canonicalCase);
  await app.register(events);
  await app.register(places);
  await app.register(records);
  await app.register(sources);
  await app.register(discovery);
};

export default rest;
