// Reads the seed files, validates them, checks every reference between records and finds every quote in its
// source text. It collects every problem before failing, so one run shows an author all that is wrong.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { PROJECT_ROOT } from '../src/paths.js';
import { type ReleaseManifest, ReleaseManifestSchema } from '../src/schemas/release-manifest.js';
import { type BoundaryGeometry, geometryProblems, labelPoint } from './geometry.js';
import { checkInvariants } from './invariants.js';
import {
  SEED_FILES,
  SeedBoundariesSchema,
  SeedBoundaryFeatureSchema,
  type SeedBoundaryFeature,
  type SeedIdentifier,
  type SeedActor,
  type SeedAgreement,
  type SeedCitation,
  type SeedClaim,
  type SeedEvent,
  type SeedFileName,
  type SeedObservance,
  type SeedPlace,
  type SeedSource,
  type SeedStatistic,
} from './seed-schemas.js';

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'SeedError';
  }
}

export interface LocatedCitation extends SeedCitation {
  start: number | null;
  end: number | null;
}

export interface SourceWithText extends SeedSource {
  text: string | null;
  sha256: string | null;
}

export interface SeedInput {
  sources: SourceWithText[];
  actors: SeedActor[];
  places: SeedPlace[];
  events: SeedEvent[];
  agreements: SeedAgreement[];
  statistics: SeedStatistic[];
  claims: SeedClaim[];
  observances: SeedObservance[];
  identifiers: SeedIdentifier[];
  boundaries: SeedBoundaries;
  /** Where each citation (by object identity) was found in its source. */
  offsets: Map<SeedCitation, { start: number | null; end: number | null }>;
  /** SHA-256 over every input file, in a fixed order: the dataset's identity. */
  inputSha256: string;
  /** The release manifests of seed/releases/, oldest first. Not part of the dataset's identity. */
  releases: ReleaseManifest[];
}

/** A validated boundary with the label point the loader found inside it. */
export type SeedBoundary = SeedBoundaryFeature & { geometry: BoundaryGeometry; label: [number, number] };

export interface SeedBoundaries {
  attribution: string;
  caveats: string[];
  features: SeedBoundary[];
}

/** The boundaries file: one FeatureCollection, not a list of records. */
export const BOUNDARIES_FILE = 'boundaries.geojson';

export interface SeedPaths {
  dataDir: string;
  sourcesDir: string;
  /** Release manifests (seed/releases/*.json); none when absent. */
  releasesDir?: string;
}

const FILE_ORDER: SeedFileName[] = [
  'sources',
  'actors',
  'places',
  'events',
  'agreements',
  'statistics',
  'claims',
  'observances',
  'identifiers',
];

function displayPath(path: string): string {
  const rel = relative(PROJECT_ROOT, path);
  return rel.startsWith('..') ? path : rel;
}

function recordLabel(record: unknown, index: number): string {
  const r = record as { id?: unknown; slug?: unknown } | null;
  const key = r && typeof r === 'object' ? (r.id ?? r.slug) : undefined;
  return typeof key === 'string' ? `record ${index + 1} ("${key}")` : `record ${index + 1}`;
}

function findDataFile(dataDir: string, name: string): string | null {
  for (const ext of ['yaml', 'yml', 'json']) {
    const path = join(dataDir, `${name}.${ext}`);
    try {
      readFileSync(path);
      return path;
    } catch {}
  }
  return null;
}

export function loadSeed(paths: SeedPaths): SeedInput {
  const problems: string[] = [];
  const hash = createHash('sha256');
  const parsed: Partial<Record<SeedFileName, unknown[]>> = {};

  const known = new Set([BOUNDARIES_FILE, ...FILE_ORDER.flatMap((n) => [`${n}.yaml`, `${n}.yml`, `${n}.json`])]);
  for (const entry of readdirSync(paths.dataDir).sort()) {
    if (!known.has(entry)) problems.push(`${displayPath(join(paths.dataDir, entry))}: unknown seed file`);
  }

  for (const name of FILE_ORDER) {
    const path = findDataFile(paths.dataDir, name);
    if (!path) {
      problems.push(`${displayPath(join(paths.dataDir, `${name}.yaml`))}: file is missing`);
      continue;
    }
    const raw = readFileSync(path, 'utf8');
    hash.update(`${name}\n`).update(raw);
    let doc: unknown;
    try {
      doc = parseYaml(raw, { prettyErrors: true, uniqueKeys: true });
    } catch (error) {
      const message = (error as Error).message.split('\n')[0];
      problems.push(`${displayPath(path)}: not valid YAML/JSON: ${message}`);
      continue;
    }
    if (!Array.isArray(doc)) {
      problems.push(`${displayPath(path)}: must be a list of records`);
      continue;
    }
    const schema: z.ZodType = SEED_FILES[name];
    const records: unknown[] = [];
    doc.forEach((record, index) => {
      const result = schema.safeParse(record);
      if (result.success) {
        records.push(result.data);
        return;
      }
      for (const issue of result.error.issues) {
        const field = issue.path.length ? issue.path.join('.') : '(record)';
        problems.push(`${displayPath(path)}: ${recordLabel(record, index)}: field ${field}: ${issue.message}`);
      }
    });
    parsed[name] = records;
  }
  const boundaries = loadBoundaries(join(paths.dataDir, BOUNDARIES_FILE), hash, problems);
  if (problems.length || !boundaries) throw new SeedError(problems);

  const input = {
    sources: (parsed.sources as SeedSource[]).map((s) => ({ ...s, text: null, sha256: null }) as SourceWithText),
    actors: parsed.actors as SeedActor[],
    places: parsed.places as SeedPlace[],
    events: parsed.events as SeedEvent[],
    agreements: parsed.agreements as SeedAgreement[],
    statistics: parsed.statistics as SeedStatistic[],
    claims: parsed.claims as SeedClaim[],
    observances: parsed.observances as SeedObservance[],
    identifiers: parsed.identifiers as SeedIdentifier[],
    boundaries,
  };

  for (const source of input.sources) {
    if (source.kind === 'document') {
      if (!source.file) {
        problems.push(`sources: "${source.id}": a document needs a file`);
        continue;
      }
      const path = join(paths.sourcesDir, source.file);
      try {
        const text = readFileSync(path, 'utf8');
        hash.update(`source ${source.id}\n`).update(text);
        source.text = text;
        source.sha256 = createHash('sha256').update(text).digest('hex');
      } catch {
        problems.push(`sources: "${source.id}": file ${displayPath(path)} cannot be read`);
      }
    } else if (source.file) {
      problems.push(`sources: "${source.id}": a reference holds no text; remove "file"`);
    }
  }

  const offsets = new Map<SeedCitation, { start: number | null; end: number | null }>();
  checkReferences(input, problems);
  if (problems.length === 0) checkInvariants(input, problems);
  locateQuotes(input, offsets, problems);
  const releases = paths.releasesDir ? loadReleases(paths.releasesDir, problems) : [];
  if (problems.length) throw new SeedError(problems);

  return { ...input, offsets, inputSha256: hash.digest('hex'), releases };
}

/** Every `<version>.json` of the folder, validated, oldest first; a missing folder holds no releases. */
export function loadReleases(dir: string, problems: string[]): ReleaseManifest[] {
  if (!existsSync(dir)) return [];
  const out: ReleaseManifest[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.json')) continue;
    const path = join(dir, entry);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${displayPath(path)}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const result = ReleaseManifestSchema.safeParse(doc);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${displayPath(path)}: field ${issue.path.join('.') || '(manifest)'}: ${issue.message}`);
      continue;
    }
    if (entry !== `${result.data.version}.json`)
      problems.push(
        `${displayPath(path)}: holds version "${result.data.version}"; name it ${result.data.version}.json`,
      );
    out.push(result.data);
  }
  const sequences = new Set<number>();
  for (const r of out) {
    if (sequences.has(r.sequence)) problems.push(`releases: sequence ${r.sequence} is used twice`);
    sequences.add(r.sequence);
  }
  return out.sort((a, b) => a.sequence - b.sequence);
}

/**
 * Reads the boundaries FeatureCollection and checks every feature's shape and geometry (RFC 7946), naming the file
 * and the feature in each problem; null when the file cannot be read at all.
 */
function loadBoundaries(path: string, hash: ReturnType<typeof createHash>, problems: string[]): SeedBoundaries | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    problems.push(`${displayPath(path)}: file is missing`);
    return null;
  }
  hash.update('boundaries\n').update(raw);
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (error) {
    problems.push(`${displayPath(path)}: not valid JSON: ${(error as Error).message}`);
    return null;
  }
  const collection = SeedBoundariesSchema.safeParse(doc);
  if (!collection.success) {
    for (const issue of collection.error.issues) {
      problems.push(`${displayPath(path)}: field ${issue.path.join('.') || '(collection)'}: ${issue.message}`);
    }
    return null;
  }
  const features: SeedBoundary[] = [];
  collection.data.features.forEach((raw, index) => {
    const label = `feature ${index + 1}${recordLabel(raw, index).replace(/^record \d+/, '')}`;
    const result = SeedBoundaryFeatureSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`${displayPath(path)}: ${label}: field ${issue.path.join('.') || '(feature)'}: ${issue.message}`);
      }
      return;
    }
    const geometry = result.data.geometry as BoundaryGeometry;
    const broken = geometryProblems(geometry);
    for (const problem of broken) problems.push(`${displayPath(path)}: ${label}: geometry: ${problem}`);
    if (broken.length) return;
    const point = labelPoint(geometry);
    if (!point) {
      problems.push(`${displayPath(path)}: ${label}: geometry: no label point inside the polygon could be found`);
      return;
    }
    features.push({ ...result.data, geometry, label: point });
  });
  return { attribution: collection.data.attribution, caveats: collection.data.caveats, features };
}

function checkUnique(file: string, keys: string[], problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) problems.push(`${file}: "${key}": duplicate id`);
    seen.add(key);
  }
  return seen;
}

function checkReferences(input: Omit<SeedInput, 'offsets' | 'inputSha256' | 'releases'>, problems: string[]): void {
  const sourceIds = checkUnique(
    'sources',
    input.sources.map((s) => s.id),
    problems,
  );
  const actorIds = checkUnique(
    'actors',
    input.actors.map((a) => a.id),
    problems,
  );
  const placeSlugs = checkUnique(
    'places',
    input.places.map((p) => p.slug),
    problems,
  );
  const eventIds = checkUnique(
    'events',
    input.events.map((e) => e.id),
    problems,
  );
  checkUnique(
    'agreements',
    input.agreements.map((a) => a.id),
    problems,
  );
  checkUnique(
    'statistics',
    input.statistics.map((s) => s.id),
    problems,
  );
  checkUnique(
    'claims',
    input.claims.map((c) => c.id),
    problems,
  );

  const ref = (file: string, owner: string, field: string, value: string | null, ids: Set<string>, what: string) => {
    if (value !== null && !ids.has(value))
      problems.push(`${file}: "${owner}": field ${field}: unknown ${what} "${value}"`);
  };
  const cites = (file: string, owner: string, list: SeedCitation[], prefix = 'citations') => {
    list.forEach((c, i) => {
      ref(file, owner, `${prefix}.${i}.source`, c.source, sourceIds, 'source');
    });
  };

  for (const a of input.actors) {
    ref('actors', a.id, 'affiliation', a.affiliation, actorIds, 'actor');
    cites('actors', a.id, a.citations);
  }
  const eventsById = new Map(input.events.map((e) => [e.id, e]));
  for (const p of input.places) {
    ref('places', p.slug, 'parent', p.parent, placeSlugs, 'place');
    ref('places', p.slug, 'occupation_event', p.occupation_event, eventIds, 'event');
    ref('places', p.slug, 'return_event', p.return_event, eventIds, 'event');
    for (const field of ['occupation_event', 'return_event'] as const) {
      const event = p[field] ? eventsById.get(p[field]) : undefined;
      if (event && !event.places.some((ep) => ep.place === p.slug)) {
        problems.push(`places: "${p.slug}": field ${field}: event "${event.id}" does not name this place`);
      }
    }
    if (p.return_event) {
      const kind = eventsById.get(p.return_event)?.kind;
      // A control change (Khankendi, 2023) is the outcome of a military operation, as a capture is.
      if (kind && kind !== 'capture' && kind !== 'handover' && kind !== 'control_change') {
        problems.push(
          `places: "${p.slug}": field return_event: must be a capture, handover or control change, not ${kind}`,
        );
      }
    }
    if ((p.lat === null) !== (p.lon === null)) problems.push(`places: "${p.slug}": lat and lon go together`);
    cites('places', p.slug, p.citations);
    p.names.forEach((n, i) => {
      cites('places', p.slug, n.citations, `names.${i}.citations`);
    });
  }
  for (const e of input.events) {
    ref('events', e.id, 'parent', e.parent, eventIds, 'event');
    if (e.date.end !== null && e.date.start > e.date.end)
      problems.push(`events: "${e.id}": field date: start ${e.date.start} is after end ${e.date.end}`);
    e.places.forEach((p, i) => {
      ref('events', e.id, `places.${i}.place`, p.place, placeSlugs, 'place');
    });
    e.actors.forEach((a, i) => {
      ref('events', e.id, `actors.${i}.actor`, a.actor, actorIds, 'actor');
    });
    cites('events', e.id, e.citations);
  }
  for (const a of input.agreements) {
    ref('agreements', a.id, 'event', a.event, eventIds, 'event');
    a.signatories.forEach((s, i) => {
      ref('agreements', a.id, `signatories.${i}.actor`, s.actor, actorIds, 'actor');
    });
    a.places.forEach((p, i) => {
      ref('agreements', a.id, `places.${i}.place`, p.place, placeSlugs, 'place');
    });
    a.provisions.forEach((p, i) => {
      cites('agreements', a.id, p.citations, `provisions.${i}.citations`);
    });
    cites('agreements', a.id, a.citations);
  }
  for (const s of input.statistics) {
    ref('statistics', s.id, 'place', s.place, placeSlugs, 'place');
    ref('statistics', s.id, 'event', s.event, eventIds, 'event');
    cites('statistics', s.id, s.citations);
  }
  for (const c of input.claims) {
    ref('claims', c.id, 'source', c.source, sourceIds, 'source');
    ref('claims', c.id, 'claimant_actor', c.claimant_actor, actorIds, 'actor');
    ref('claims', c.id, 'event', c.event, eventIds, 'event');
    cites('claims', c.id, c.citations);
  }
  checkUnique(
    'observances',
    input.observances.map((o) => o.id),
    problems,
  );
  for (const o of input.observances) {
    ref('observances', o.id, 'established_by', o.established_by, eventIds, 'event');
    cites('observances', o.id, o.citations);
  }
  checkUnique(
    'identifiers',
    input.identifiers.map((i) => i.place),
    problems,
  );
  for (const i of input.identifiers) {
    ref('identifiers', i.place, 'place', i.place, placeSlugs, 'place');
    cites('identifiers', i.place, i.citations);
    for (const scheme of ['iso3166_2', 'geonames'] as const) {
      const cited = i.citations.some((c) => c.for === scheme);
      if (i[scheme] !== null && !cited) problems.push(`identifiers: "${i.place}": field ${scheme}: cites no source`);
      if (i[scheme] === null && cited) problems.push(`identifiers: "${i.place}": field ${scheme}: null, yet cited`);
    }
  }
  checkUnique(
    BOUNDARIES_FILE,
    input.boundaries.features.map((f) => f.properties.place),
    problems,
  );
  const kindOf = new Map(input.places.map((p) => [p.slug, p.kind]));
  for (const f of input.boundaries.features) {
    ref(BOUNDARIES_FILE, f.id, 'properties.place', f.properties.place, placeSlugs, 'place');
    const kind = kindOf.get(f.properties.place);
    // Polygons outline districts, cities and regions; a country's or settlement's outline is not what the source is.
    if (kind && !['district', 'city', 'region'].includes(kind))
      problems.push(`${BOUNDARIES_FILE}: "${f.id}": a boundary belongs to a district, city or region, not a ${kind}`);
    if (f.id !== f.properties.place)
      problems.push(`${BOUNDARIES_FILE}: "${f.id}": the feature id must be its place's slug`);
    cites(BOUNDARIES_FILE, f.id, f.properties.citations, 'properties.citations');
  }
  for (const e of input.events) {
    // A parent chain that loops would make every tree walk over events run forever.
    const seen = new Set<string>([e.id]);
    let parent = e.parent;
    while (parent) {
      if (seen.has(parent)) {
        problems.push(`events: "${e.id}": field parent: the parent chain loops`);
        break;
      }
      seen.add(parent);
      parent = eventsById.get(parent)?.parent ?? null;
    }
  }
}

/** Every citation of every record, with a label naming where it was written. */
function* allCitations(
  input: Omit<SeedInput, 'offsets' | 'inputSha256' | 'releases'>,
): Generator<[string, SeedCitation]> {
  for (const a of input.actors) for (const c of a.citations) yield [`actors: "${a.id}"`, c];
  for (const p of input.places) {
    for (const c of p.citations) yield [`places: "${p.slug}"`, c];
    for (const n of p.names) for (const c of n.citations) yield [`places: "${p.slug}" name "${n.name}"`, c];
  }
  for (const e of input.events) for (const c of e.citations) yield [`events: "${e.id}"`, c];
  for (const a of input.agreements) {
    for (const c of a.citations) yield [`agreements: "${a.id}"`, c];
    for (const p of a.provisions) for (const c of p.citations) yield [`agreements: "${a.id}" point ${p.point}`, c];
  }
  for (const s of input.statistics) for (const c of s.citations) yield [`statistics: "${s.id}"`, c];
  for (const c of input.claims) for (const cit of c.citations) yield [`claims: "${c.id}"`, cit];
  for (const o of input.observances) for (const c of o.citations) yield [`observances: "${o.id}"`, c];
  for (const i of input.identifiers) for (const c of i.citations) yield [`identifiers: "${i.place}"`, c];
  for (const f of input.boundaries.features)
    for (const c of f.properties.citations) yield [`${BOUNDARIES_FILE}: "${f.id}"`, c];
}

function locateQuotes(
  input: Omit<SeedInput, 'offsets' | 'inputSha256' | 'releases'>,
  offsets: SeedInput['offsets'],
  problems: string[],
): void {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  for (const [where, citation] of allCitations(input)) {
    const source = sources.get(citation.source);
    if (!source) continue; // already reported as an unknown source
    if (source.kind === 'reference') {
      if (citation.quote !== undefined) {
        problems.push(`${where}: source "${source.id}" is a reference with no stored text; cite it without a quote`);
      }
      offsets.set(citation, { start: null, end: null });
      continue;
    }
    if (citation.quote === undefined) {
      problems.push(`${where}: a citation of the document "${source.id}" needs the exact quote`);
      continue;
    }
    const text = source.text ?? '';
    const occurrence = citation.occurrence ?? 1;
    let at = -1;
    for (let n = 0; n < occurrence; n++) {
      at = text.indexOf(citation.quote, at + 1);
      if (at < 0) break;
    }
    if (at < 0) {
      const nth = occurrence > 1 ? ` (occurrence ${occurrence})` : '';
      problems.push(`${where}: quote not found verbatim in source "${source.id}"${nth}: "${citation.quote}"`);
      continue;
    }
    offsets.set(citation, { start: at, end: at + citation.quote.length });
  }
}
