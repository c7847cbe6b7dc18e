// GraphQL at /graphql (Mercurius), on the same query layer as REST. Filled in by the GraphQL work.
import type { FastifyPluginAsync } from 'fastify';

const graphql: FastifyPluginAsync = async () => {};

export default graphql;
