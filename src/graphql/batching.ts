// Turns the batch functions of ./loaders.ts into field resolvers, each backed by one DataLoader per request.
// DataLoader collects every parent of a field at one level of a request and calls the batch function once, as
// Mercurius' own loaders do; but those key their cache by a stable stringification of the whole parent record,
// which cost about a tenth of the CPU of an uncached GraphQL district page. Here a parent is its own key.
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql/index.js';
import type { IFieldResolver } from 'mercurius';
import type { GraphqlContext } from './context.js';

interface LoaderQuery<T> {
  obj: T;
  params: unknown;
}
/** A batch function: the answers to a list of parents, in their order. */
export type BatchFunction = (queries: LoaderQuery<never>[], context: GraphqlContext) => Promise<unknown[]>;
export type BatchFunctions = Record<string, Record<string, BatchFunction>>;

declare module 'mercurius' {
  interface MercuriusContext {
    /** This request's DataLoaders, one per batched field, made on first use. */
    batches?: Map<BatchFunction, DataLoader<object, unknown>>;
  }
}

function loaderFor(fn: BatchFunction, context: GraphqlContext): DataLoader<object, unknown> {
  context.batches ??= new Map();
  let loader = context.batches.get(fn);
  if (!loader) {
    loader = new DataLoader<object, unknown>(
      async (parents) =>
        fn(
          parents.map((obj) => ({ obj: obj as never, params: undefined })),
          context,
        ),
      // The same parent asked for twice (two aliases of one field) is answered once.
      { cacheKeyFn: (parent) => parent },
    );
    context.batches.set(fn, loader);
  }
  return loader;
}

/**
 * A field whose parent already holds a reference to the record (its key and a few fields): when a query asks
 * for nothing more than `fields` of it, the reference answers, with no look-up. `ref` makes it from the parent.
 */
export interface FromReference {
  fields: ReadonlySet<string>;
  ref: (parent: never) => object;
}

/** Whether every selection of the field is one of `fields` (a fragment is never assumed to be). */
function asksOnlyFor(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  return info.fieldNodes.every(
    (node) =>
      node.selectionSet?.selections.every(
        (selection) =>
          selection.kind === 'Field' && (selection.name.value === '__typename' || fields.has(selection.name.value)),
      ) ?? false,
  );
}

/**
 * A field that is a connection over a list its parent holds whole: the batch function loads every parent's whole
 * list in one statement, and this pages each by the field's own arguments (which may differ between aliases).
 */
export type Paging = (whole: never, args: Record<string, unknown>, context: GraphqlContext) => unknown;

/**
 * Resolvers that answer each field through its batch function, or from the parent's reference where one serves;
 * a field in `paging` is paged after its batch is loaded.
 */
export function batchedResolvers(
  functions: BatchFunctions,
  references: Record<string, Record<string, FromReference>> = {},
  paging: Record<string, Record<string, Paging>> = {},
): Record<string, Record<string, IFieldResolver<object>>> {
  return Object.fromEntries(
    Object.entries(functions).map(([type, fields]) => [
      type,
      Object.fromEntries(
        Object.entries(fields).map(([field, fn]) => {
          const reference = references[type]?.[field];
          const page = paging[type]?.[field];
          return [
            field,
            ((parent: object, args: Record<string, unknown>, context: GraphqlContext, info: GraphQLResolveInfo) => {
              if (reference && asksOnlyFor(info, reference.fields)) return reference.ref(parent as never);
              const loaded = loaderFor(fn, context).load(parent);
              return page ? loaded.then((whole) => page(whole as never, args, context)) : loaded;
            }) as IFieldResolver<object>,
          ];
        }),
      ),
    ]),
  );
}
