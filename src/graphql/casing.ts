// The one way GraphQL's camelCase fields read the query layer's snake_case objects: every object field without a
// resolver of its own reads the snake_case key of its name (`startDate` → `start_date`, `areaKm2` → `area_km2`),
// or the key named in RENAMED where the GraphQL name is not the REST name in camelCase.
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql/index.js';

/** GraphQL fields whose REST key is not their name in snake_case: `Type.field` → REST key. */
export const RENAMED: Readonly<Record<string, string>> = {
  'DateSpan.text': 'date_text',
};

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function readKey(key: string): GraphQLFieldResolver<Record<string, unknown>, unknown> {
  return (source) => source[key];
}

/** Gives every field that has no resolver, and whose REST key differs from its name, a resolver reading that key. */
export function readSnakeCaseKeys(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) continue;
      const key = RENAMED[`${type.name}.${field.name}`] ?? snakeCase(field.name);
      if (key !== field.name) field.resolve = readKey(key);
    }
  }
  return schema;
}
