// GraphQL arguments → the REST query parameters they stand for, validated by the same Zod schemas as REST, so the
// same bad input gets the same words (naming the GraphQL argument: `first` for limit, `after` for cursor).
import type { z } from 'zod';
import { type ParamError, toParamErrors, unknownRecordErrors } from '../lib/validation-errors.js';
import type { Repository } from '../queries/repository.js';
import { badUserInput } from './errors.js';

/** REST parameter → GraphQL argument, for error messages. */
const ARGUMENT_NAMES: Record<string, string> = { limit: 'first', cursor: 'after', as_of: 'asOf' };

/** GraphQL argument → REST parameter. */
const PARAMETER_NAMES: Record<string, string> = { first: 'limit', after: 'cursor', asOf: 'as_of' };

/**
 * Parses GraphQL arguments with a REST parameter schema. Null and absent arguments both mean "not given", and a
 * list (event kinds) becomes REST's comma-separated string. Throws BAD_USER_INPUT naming every bad argument; given
 * the repository, also each list filter (place, actor, …) that names no record, as REST's 400 does.
 */
export function parseArgs<S extends z.ZodType>(
  schema: S,
  args: Record<string, unknown>,
  repo?: Pick<Repository, 'unknownReferences'>,
): z.output<S> {
  const input: Record<string, unknown> = {};
  const empty: ParamError[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) {
      empty.push({ in: 'query', name, message: 'must list at least one value, or be left out' });
    }
    input[PARAMETER_NAMES[name] ?? name] = Array.isArray(value) ? value.join(',') : value;
  }
  if (empty.length) throw badUserInput(empty);
  const result = schema.safeParse(input);
  if (!result.success) throw badUserInput(toParamErrors(result.error.issues, 'query', ARGUMENT_NAMES));
  const unknown = repo?.unknownReferences(result.data as object) ?? [];
  if (unknown.length) throw badUserInput(unknownRecordErrors(unknown, 'query', ARGUMENT_NAMES));
  return result.data;
}
