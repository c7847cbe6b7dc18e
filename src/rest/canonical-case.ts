// A slug or id in another case (/v1/districts/Lachin) is answered with a 301 to its canonical, lowercase path.
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** The path parameters that hold a record's slug or id: always lowercase (the seeder refuses any other). */
const RECORD_PARAMS = new Set(['id', 'slug']);
const SLUG_ANY_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;

const canonicalCase: FastifyPluginAsync = async (app) => {
  // onRequest runs after routing and before validation, which would refuse the mixed-case slug as a 400.
  app.addHook('onRequest', async (request, reply) => {
    const template = request.routeOptions.url;
    if (!template) return;
    const queryAt = request.url.indexOf('?');
    const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
    const segments = path.split('/');
    const names = template.split('/');
    if (segments.length !== names.length) return;
    let changed = false;
    names.forEach((name, i) => {
      const value = segments[i] ?? '';
      if (!name.startsWith(':') || !RECORD_PARAMS.has(name.slice(1))) return;
      if (!SLUG_ANY_CASE.test(value) || value === value.toLowerCase()) return;
      segments[i] = value.toLowerCase();
      changed = true;
    });
    if (!changed) return;
    const query = queryAt === -1 ? '' : request.url.slice(queryAt);
    return reply.redirect(`${segments.join('/')}${query}`, 301);
  });
};

// Not encapsulated: the hook applies to every route of the REST plugin that registers it.
export default fp(canonicalCase, { name: 'canonical-case' });
