// Query fields: validate the arguments with REST's Zod schemas, call the query layer, shape pages as connections.
// Nested fields are the loaders' (../loaders.ts); camelCase fields read snake_case keys (../casing.ts).
import { z } from 'zod';
import {
  CitationIdParamSchema,
  ClaimsQuerySchema,
  EventsQuerySchema,
  IdParamSchema,
  MonthDaySchema,
  PlacesQuerySchema,
  SearchQuerySchema,
  SlugParamSchema,
  StatisticsQuerySchema,
  TimelineQuerySchema,
} from '../../schemas/params.js';
import { parseArgs } from '../args.js';
import { connection, eventCursors, offsetCursors, seqCursors } from '../connection.js';
import type { GraphqlContext } from '../context.js';
import { badUserInput, notFound } from '../errors.js';
import { allDistricts, placesBySlugs } from '../records.js';

type Args = Record<string, unknown>;
type Resolver = (root: unknown, args: Args, context: GraphqlContext) => unknown;

const OnThisDayParamsSchema = z.object({ date: MonthDaySchema });

/** A record, or NOT_FOUND with REST's wording. */
function found<T>(record: T | null | undefined, message: string): T {
  if (record === null || record === undefined) throw notFound(message);
  return record;
}

export const queryResolvers: Record<string, Resolver> = {
  events(_root, args, { repo }) {
    const query = parseArgs(EventsQuerySchema, args, repo);
    if (query.cursor && query.cursor.sort !== query.sort) {
      throw badUserInput([
        {
          in: 'query',
          name: 'after',
          message: `was issued for sort=${query.cursor.sort}; GraphQL lists events in date order`,
        },
      ]);
    }
    return connection(repo.listEvents(query), eventCursors(repo, query.sort), () => repo.countEvents(query));
  },

  event(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.eventsByIds([id])[0], `No event with id "${id}".`);
  },

  districts: (_root, _args, { repo }) => allDistricts(repo),

  district(_root, args, { repo }) {
    const { slug } = parseArgs(SlugParamSchema, args);
    const place = placesBySlugs(repo, [slug])[0];
    return found(place?.kind === 'district' ? place : null, `No district with slug "${slug}".`);
  },

  places(_root, args, { repo }) {
    const query = parseArgs(PlacesQuerySchema, args, repo);
    return connection(
      repo.listPlaces(query),
      seqCursors(repo, 'places', (p: { slug: string }) => p.slug),
    );
  },

  place(_root, args, { repo }) {
    const { slug } = parseArgs(SlugParamSchema, args);
    return found(placesBySlugs(repo, [slug])[0], `No place with slug "${slug}".`);
  },

  agreements: (_root, _args, { repo }) => repo.listAgreements(),

  agreement(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.agreementsByIds([id])[0], `No agreement with id "${id}".`);
  },

  statistics(_root, args, { repo }) {
    const query = parseArgs(StatisticsQuerySchema, args, repo);
    return connection(
      repo.listStatistics(query),
      seqCursors(repo, 'statistics', (s: { id: string }) => s.id),
    );
  },

  statistic(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.statisticsByIds([id])[0], `No statistic with id "${id}".`);
  },

  citation(_root, args, { repo }) {
    const { id } = parseArgs(CitationIdParamSchema, { id: String(args.id) });
    return found(repo.citationsByIds([id])[0], `No citation with id ${id}.`);
  },

  actors: (_root, _args, { repo }) => repo.listActors(),

  // Few and fixed: every observance at once, as actors and sources are.
  observances: (_root, _args, { repo }) => repo.listObservances({ limit: 100 }).items,

  observance(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.observancesByIds([id])[0], `No observance with id "${id}".`);
  },

  actor(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.actorsByIds([id])[0], `No actor with id "${id}".`);
  },

  sources: (_root, _args, { repo }) => repo.listSources(),

  source(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.getSource(id), `No source with id "${id}".`);
  },

  claims(_root, args, { repo }) {
    const query = parseArgs(ClaimsQuerySchema, args, repo);
    return connection(
      repo.listClaims(query),
      seqCursors(repo, 'claims', (c: { id: string }) => c.id),
    );
  },

  claim(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.claimsByIds([id])[0], `No claim with id "${id}".`);
  },

  timeline(_root, args, { repo }) {
    const query = parseArgs(TimelineQuerySchema, args);
    return connection(repo.timeline(query), offsetCursors(Number(query.cursor ?? 0)));
  },

  onThisDay(_root, args, { repo }) {
    const { date } = parseArgs(OnThisDayParamsSchema, args);
    const year = new Date().getUTCFullYear();
    return repo
      .onThisDay(date)
      .map((event) => ({ years_ago: year - Number(event.date.start_date.slice(0, 4)), event }));
  },

  search(_root, args, { repo }) {
    const query = parseArgs(SearchQuerySchema, args);
    return connection(repo.search(query), offsetCursors(Number(query.cursor ?? 0)));
  },

  meta: (_root, _args, { repo }) => repo.getMeta(),
};
