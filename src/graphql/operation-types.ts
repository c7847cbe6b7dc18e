// A validation rule that graphql-js 16 lacks (17 adds it as KnownOperationTypesRule): an operation whose root type
// the schema does not have is invalid. Without it a mutation sent to this read-only API passed validation and failed
// in execution, answering 200 with data: null; GraphQL over HTTP wants a request error, a 400 before anything runs.
import { GraphQLError, type ValidationRule } from 'graphql/index.js';
import { CODES } from './errors.js';

export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This API is read-only: its schema has no ${node.operation} type, only queries.`, {
        nodes: node,
        extensions: { code: CODES.validationFailed },
      }),
    );
  },
});
