// Query fields: validate the arguments with REST's Zod schemas, call the query layer, shape pages as connections.
// Nested fields are the loaders' (../loaders.ts); camelCase fields read snake_case keys (../casing.ts).
import {
  ActorsQuerySchema,
  AgreementsQuerySchema,
  CitationIdParamSchema,
  ClaimsQuerySchema,
  EventsQuerySchema,
  IdParamSchema,
  MonthDaySchema,
  ObservancesQuerySchema,
  OnThisDayQuerySchema,
  PlacesQuerySchema,
  SearchQuerySchema,
  SlugParamSchema,
  SourcesQuerySchema,
  StatisticsQuerySchema,
  TimelineQuerySchema,
} from '../../schemas/params.js';
import { parseArgs } from '../args.js';
import { connection, eventCursors, offsetConnection, paged, seqCursors } from '../connection.js';
import type { GraphqlContext } from '../context.js';
import { notFound } from '../errors.js';
import { ChangesQuerySchema } from '../../schemas/release-manifest.js';
import { allDistricts, placesBySlugs } from '../records.js';

type Args = Record<string, unknown>;
type Resolver = (root: unknown, args: Args, context: GraphqlContext) => unknown;

const OnThisDayArgsSchema = OnThisDayQuerySchema.extend({ date: MonthDaySchema });

/** A record, or NOT_FOUND with REST's wording. */
function found<T>(record: T | null | undefined, message: string): T {
  if (record === null || record === undefined) throw notFound(message);
  return record;
}

export const queryResolvers: Record<string, Resolver> = {
  events(_root, args, { repo }) {
    // A cursor of the other sort order is refused by the schema, naming `after`.
    const query = parseArgs(EventsQuerySchema, args, repo);
    return paged(() =>
      connection(repo.listEvents(query), eventCursors(repo, query.sort), () => repo.countEvents(query)),
    );
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
    return paged(() =>
      connection(
        repo.listPlaces(query),
        seqCursors(repo, 'places', (p: { slug: string }) => p.slug),
        () => repo.countPlaces(query),
      ),
    );
  },

  place(_root, args, { repo }) {
    const { slug } = parseArgs(SlugParamSchema, args);
    return found(placesBySlugs(repo, [slug])[0], `No place with slug "${slug}".`);
  },

  agreements(_root, args, { repo }) {
    const query = parseArgs(AgreementsQuerySchema, args);
    return paged(() => offsetConnection(repo, 'agreements', query, repo.pageAgreements(query)));
  },

  agreement(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.agreementsByIds([id])[0], `No agreement with id "${id}".`);
  },

  statistics(_root, args, { repo }) {
    const query = parseArgs(StatisticsQuerySchema, args, repo);
    return paged(() =>
      connection(
        repo.listStatistics(query),
        seqCursors(repo, 'statistics', (s: { id: string }) => s.id),
        () => repo.countStatistics(query),
      ),
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

  actors(_root, args, { repo }) {
    const query = parseArgs(ActorsQuerySchema, args);
    return paged(() => offsetConnection(repo, 'actors', query, repo.pageActors(query)));
  },

  observances(_root, args, { repo }) {
    const query = parseArgs(ObservancesQuerySchema, args);
    return paged(() =>
      connection(
        repo.listObservances(query),
        seqCursors(repo, 'observances', (o: { id: string }) => o.id),
        () => repo.countObservances(),
      ),
    );
  },

  observance(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.observancesByIds([id])[0], `No observance with id "${id}".`);
  },

  actor(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.actorsByIds([id])[0], `No actor with id "${id}".`);
  },

  sources(_root, args, { repo }) {
    const query = parseArgs(SourcesQuerySchema, args);
    return paged(() => offsetConnection(repo, 'sources', query, repo.pageSources(query)));
  },

  source(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.getSource(id), `No source with id "${id}".`);
  },

  claims(_root, args, { repo }) {
    const query = parseArgs(ClaimsQuerySchema, args, repo);
    return paged(() =>
      connection(
        repo.listClaims(query),
        seqCursors(repo, 'claims', (c: { id: string }) => c.id),
        () => repo.countClaims(query),
      ),
    );
  },

  claim(_root, args, { repo }) {
    const { id } = parseArgs(IdParamSchema, args);
    return found(repo.claimsByIds([id])[0], `No claim with id "${id}".`);
  },

  timeline(_root, args, { repo }) {
    const query = parseArgs(TimelineQuerySchema, args);
    return paged(() =>
      offsetConnection(repo, 'timeline', query, { ...repo.timeline(query), total: () => repo.countTimeline(query) }),
    );
  },

  onThisDay(_root, args, { repo }) {
    const { date, ...query } = parseArgs(OnThisDayArgsSchema, args);
    const year = new Date().getUTCFullYear();
    return paged(() => {
      const page = repo.pageOnThisDay(date, query);
      const items = page.items.map((event) => ({ years_ago: year - Number(event.date.start_date.slice(0, 4)), event }));
      return offsetConnection(repo, 'on-this-day', query, { ...page, items });
    });
  },

  search(_root, args, { repo }) {
    const query = parseArgs(SearchQuerySchema, args);
    return paged(() =>
      offsetConnection(repo, 'search', query, { ...repo.search(query), total: () => repo.countSearch(query) }),
    );
  },

  meta: (_root, _args, { repo }) => repo.getMeta(),

  changes(_root, args, { repo }) {
    const { since } = parseArgs(ChangesQuerySchema, args);
    const changes = repo.changesSince(since);
    if (changes) return changes;
    const known = repo.knownVersions();
    throw notFound(`No release with version "${since}". Known versions: ${known.join(', ')}.`, {
      knownVersions: known,
    });
  },
};
