// Adds `app.drain(ms)` and `app.draining`: after SIGTERM a replica says it is not ready (so a balancer stops
// sending to it) but keeps answering for the drain period, and asks keep-alive peers to reconnect elsewhere.
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** True from the start of a drain until the process exits. */
    readonly draining: boolean;
    /** Marks the instance as draining and resolves after `ms`. */
    drain(ms: number): Promise<void>;
  }
}

export default fp(
  async (app) => {
    let draining = false;
    app.decorate('draining', {
      getter: () => draining,
    });
    app.decorate('drain', (ms: number) => {
      draining = true;
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    });
    // A proxy's idle keep-alive connection would otherwise stay pinned to this replica until it closes.
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (draining) reply.header('connection', 'close');
      done(null, payload);
    });
  },
  { name: 'drain' },
);
