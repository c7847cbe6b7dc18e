// Knows every route's methods by path: a wrong method is a 405 (not a 404), and a plain OPTIONS lists them in Allow.
import fp from 'fastify-plugin';
import FindMyWay from 'find-my-way';

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods a path takes, sorted, OPTIONS included; undefined when no route has that path. */
    allowedMethods(path: string): string[] | undefined;
  }
}

export default fp(
  async (app) => {
    const known = FindMyWay({ ignoreTrailingSlash: true });
    const methodsByRoute = new Map<string, Set<string>>();
    app.addHook('onRoute', (route) => {
      // Catch-alls (the CORS preflight `OPTIONS *`, static file trees) say nothing about a path's methods.
      if (route.url.includes('*')) return;
      let set = methodsByRoute.get(route.url);
      if (!set) {
        // OPTIONS is answered on every path (src/plugins/cors.ts).
        set = new Set(['OPTIONS']);
        methodsByRoute.set(route.url, set);
        known.on('GET', route.url, () => {}, { url: route.url });
      }
      for (const m of [route.method].flat()) set.add(m);
    });
    app.decorate('allowedMethods', (path: string) => {
      const match = known.find('GET', path) as { store?: { url: string } } | null;
      const methods = match?.store ? methodsByRoute.get(match.store.url) : undefined;
      return methods ? [...methods].sort() : undefined;
    });
  },
  { name: 'route-methods' },
);
