// One wording of "what was wrong and where" for REST problem documents and GraphQL errors alike.

export type ParamLocation = 'query' | 'path' | 'header' | 'body';

export interface ParamError {
  in: ParamLocation;
  name: string;
  message: string;
}

interface IssueLike {
  path?: readonly PropertyKey[];
  instancePath?: string;
  code?: string;
  keyword?: string;
  message?: string;
  keys?: readonly string[];
  params?: { keys?: readonly string[] };
}

/** Zod issues (or their Fastify-wrapped form) as a list naming each bad parameter. */
export function toParamErrors(
  issues: readonly IssueLike[],
  location: ParamLocation,
  rename?: Record<string, string>,
): ParamError[] {
  const out: ParamError[] = [];
  for (const issue of issues) {
    const keys = issue.keys ?? issue.params?.keys;
    if ((issue.code ?? issue.keyword) === 'unrecognized_keys' && keys) {
      for (const key of keys)
        out.push({
          in: location,
          name: rename?.[key] ?? key,
          message: 'is not a parameter of this endpoint',
        });
      continue;
    }
    const path = issue.path?.map(String) ?? (issue.instancePath ?? '').split('/').filter(Boolean);
    const name = path[0] ? (rename?.[path[0]] ?? path[0]) : '(parameters)';
    out.push({
      in: location,
      name: [name, ...path.slice(1)].join('.'),
      message: issue.message ?? 'is not valid',
    });
  }
  return out;
}

export function describeParamErrors(errors: readonly ParamError[]): string {
  return errors.map((e) => `${e.name}: ${e.message}`).join('; ');
}

/** A list filter that names no record: what it should have named and where to find those that exist. */
export function unknownRecordErrors(
  unknown: readonly { name: string; kind: string }[],
  location: ParamLocation,
  rename?: Record<string, string>,
): ParamError[] {
  return unknown.map(({ name, kind }) => ({
    in: location,
    name: rename?.[name] ?? name,
    // The value is not echoed: the parameter's name says which one it was.
    message: `names no ${kind} that exists (${kind === 'place' ? 'a slug' : 'an id'} from /v1/${kind}s)`,
  }));
}
