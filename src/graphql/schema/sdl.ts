// Generated from schema.graphql by `npx tsx src/graphql/schema/sync.ts`: edit schema.graphql, not this file.
export const SDL = `"""
Read-only queries over the dataset: the same facts, filters and errors as the REST API under /v1.
"""
type Query {
  """
  Events by date range, kind, place, actor or words, in date order (start date, then a stable tiebreak).
  """
  events(
    """
    Start of the window: YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its whole period.
    """
    from: String

    """
    End of the window (inclusive): YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its whole period.
    """
    to: String

    """How an event's span must relate to the window (default: overlaps)."""
    match: EventMatch

    """Only events of these kinds."""
    kind: [EventKind!]

    """Place slug; includes the events of the places inside it."""
    place: String

    """Actor id: only events the actor took part in."""
    actor: String

    """
    Full-text search over titles and summaries; each word matches as a prefix.
    """
    q: String

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): EventConnection!

  """One event, by id. An unknown id is a NOT_FOUND error."""
  event(
    """The event's id (a slug)."""
    id: ID!
  ): Event

  """The seven districts around Karabakh, in the dataset's order."""
  districts: [District!]!

  """
  One district, by slug. An unknown slug, or a place that is not a district, is a NOT_FOUND error.
  """
  district(
    """The district's slug, e.g. lachin."""
    slug: String!
  ): District

  """Places of every kind, in the dataset's order."""
  places(
    """Only places of this kind."""
    kind: PlaceKind

    """
    Any official, alternate or historical name; case- and diacritic-insensitive (Laçın, Berdzor and lachin all find Lachin).
    """
    name: String

    """Only the places directly inside the place with this slug."""
    parent: String

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): PlaceConnection!

  """One place of any kind, by slug. An unknown slug is a NOT_FOUND error."""
  place(
    """The place's slug, e.g. shusha."""
    slug: String!
  ): Place

  """Agreements, by signing date."""
  agreements(
    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): AgreementConnection!

  """One agreement, by id. An unknown id is a NOT_FOUND error."""
  agreement(
    """The agreement's id (a slug)."""
    id: ID!
  ): Agreement

  """
  Figures, each with its unit, qualifier, reporter and as-of date; figures from different reporters are never merged.
  """
  statistics(
    """What is counted, in snake_case (e.g. villages_taken)."""
    subject: String

    """
    Figures as of a day in this period: YYYY-MM-DD is that day, YYYY-MM its whole month, YYYY its whole year (1994-03 matches a figure as of 1994-03-31). A figure whose as-of day is not known (no as-of date, only the source's words for it) matches no period.
    """
    asOf: String

    """Place slug; includes the figures of the places inside it."""
    place: String

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): StatisticConnection!

  """One figure, by id. An unknown id is a NOT_FOUND error."""
  statistic(
    """The statistic's id (a slug)."""
    id: ID!
  ): Statistic

  """One citation, by number. An unknown number is a NOT_FOUND error."""
  citation(
    """The citation's number, e.g. 108."""
    id: Int!
  ): Citation

  """States, people, organisations and armed forces, by id."""
  actors(
    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): ActorConnection!

  """
  Days kept every year (Remembrance Day, Victory Day), each with the event that established it, in the dataset's order.
  """
  observances(
    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): ObservanceConnection!

  """One observance, by id. An unknown id is a NOT_FOUND error."""
  observance(
    """The observance's id (a slug)."""
    id: ID!
  ): Observance

  """One actor, by id. An unknown id is a NOT_FOUND error."""
  actor(
    """The actor's id (a slug)."""
    id: ID!
  ): Actor

  """
  The article held verbatim and the reference pages cited by URL; the document first.
  """
  sources(
    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): SourceConnection!

  """One source, by id. An unknown id is a NOT_FOUND error."""
  source(
    """The source's id (a slug)."""
    id: ID!
  ): Source

  """
  Sources' characterisations and allegations, always attributed; never plain facts.
  """
  claims(
    """Only claims made by this source (its id)."""
    source: String

    """Only claims about this event (its id)."""
    event: String

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): ClaimConnection!

  """One claim, by id. An unknown id is a NOT_FOUND error."""
  claim(
    """The claim's id (a slug)."""
    id: ID!
  ): Claim

  """
  Compact items across events, agreements and statistics in a window, in date order, for timeline widgets.
  """
  timeline(
    """Start of the window: YYYY, YYYY-MM or YYYY-MM-DD."""
    from: String

    """End of the window (inclusive): YYYY, YYYY-MM or YYYY-MM-DD."""
    to: String

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): TimelineConnection!

  """
  Events on this day of the year, across years, oldest first. Only facts known to the day match; a year-only fact never does.
  """
  onThisDay(
    """The day of the year as MM-DD, e.g. 09-27."""
    date: String!

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): OnThisDayConnection!

  """
  One full-text search over events, places (every name), actors, agreements, statistics, claims and quotes, best first.
  """
  search(
    """Words to find; each word matches as a prefix, all must match."""
    q: String!

    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): SearchConnection!

  """The dataset's version, SHA-256, counts, licence and sources."""
  meta: Meta!

  """
  The records added, changed and removed since a released version, by content hash (REST: /v1/changes). An unknown version is a NOT_FOUND error whose extensions list the known versions.
  """
  changes(
    """A released dataset version, e.g. 1.0123456789ab (see meta.releases)."""
    since: String!
  ): Changes!
}

"""
How an event's span [startDate, endDate] must relate to the [from, to] window.
"""
enum EventMatch {
  """The event's span overlaps the window (the default)."""
  overlaps

  """The event's span lies inside the window."""
  within
}

"""
What an event is, in neutral words; the kind never carries one side's characterisation. Values are the REST API's, verbatim.
"""
enum EventKind {
  """A place comes under the control of forces that took it."""
  occupation

  """People forced to leave their homes."""
  displacement

  """An organisation or format is founded."""
  founding

  """Talks between parties."""
  negotiation

  """Breaches of a ceasefire."""
  ceasefire_violation

  """Fighting begins."""
  outbreak_of_fighting

  """A military operation."""
  military_operation

  """A war, as a whole."""
  war

  """A place is taken by armed forces."""
  capture

  """A place is handed over under an agreement."""
  handover

  """An agreement is signed."""
  agreement

  """A ceasefire is agreed or takes effect."""
  ceasefire

  """Control of a place changes otherwise."""
  control_change

  """A day of remembrance or celebration is observed or established."""
  observance

  """Rebuilding."""
  reconstruction

  """An organisation or process is closed."""
  closure

  """A road or route blocked, or movement along it disrupted."""
  blockade

  """An order of a court."""
  court_order

  """An entity or its institutions dissolved."""
  dissolution

  """A population census."""
  census
}

"""
How exactly a date is known; a year-only fact never matches a day query.
"""
enum Precision {
  """Known to the day."""
  day

  """Known to the month."""
  month

  """Known to the year."""
  year

  """Known to the decade."""
  decade

  """Approximate: the span is the source's own vague bounds."""
  approximate
}

"""The kind of a place."""
enum PlaceKind {
  """A sovereign state."""
  country

  """A region."""
  region

  """An administrative district."""
  district

  """A city."""
  city

  """A town or village."""
  settlement
}

"""What kind of name a place name is."""
enum NameKind {
  """The official name."""
  official

  """Another name in current use."""
  alternate

  """A former name."""
  historical
}

"""How a place returned to Azerbaijani control."""
enum ReturnMode {
  """Taken in a military operation."""
  military_operation

  """Handed over under an agreement."""
  handover
}

"""The kind of an actor."""
enum ActorKind {
  """A state."""
  state

  """A person."""
  person

  """An organisation."""
  organisation

  """Armed forces."""
  armed_force

  """A de facto authority."""
  de_facto_authority
}

"""How a figure relates to the true number."""
enum Qualifier {
  """Exactly this number."""
  exact

  """About this number."""
  approximate

  """At least this number."""
  at_least

  """More than this number."""
  more_than
}

"""What kind of statement a claim is."""
enum ClaimKind {
  """A characterisation of events or parties."""
  characterisation

  """An allegation."""
  allegation

  """A denial."""
  denial

  """An account of what happened, in the source's words."""
  account
}

"""What effect an agreement had on a place."""
enum AgreementEffect {
  """The place was returned."""
  returned

  """The place hosts a corridor."""
  corridor

  """The place hosts peacekeepers."""
  peacekeeping
}

"""What kind of source a source is."""
enum SourceKind {
  """A document held verbatim; its citations quote it to the character."""
  document

  """A public page cited by URL; it holds no text."""
  reference
}

"""The kind of record a citation supports."""
enum RecordType {
  """An event."""
  event

  """A place."""
  place

  """One of a place's names."""
  place_name

  """An actor."""
  actor

  """An agreement."""
  agreement

  """A provision of an agreement."""
  provision

  """A statistic."""
  statistic

  """A claim."""
  claim

  """An observance."""
  observance
}

"""The kind of record a timeline item stands for."""
enum TimelineItemType {
  """An event."""
  event

  """An agreement, at its signing date."""
  agreement

  """A statistic, at its as-of date."""
  statistic
}

"""The kind of record a search hit found."""
enum SearchHitType {
  """An event's title or summary."""
  event

  """A place, under any of its names."""
  place

  """An actor, by name or description."""
  actor

  """An agreement."""
  agreement

  """A statistic, by label, subject, unit or reporter."""
  statistic

  """A claim."""
  claim

  """A quote from a document source."""
  quote
}

"""Where a page of a list stands."""
type PageInfo {
  """Whether another page follows."""
  hasNextPage: Boolean!

  """
  The cursor of the last edge of this page (pass it as \`after\` for the next page); null when the page is empty. Equals REST's page.next_cursor when another page follows.
  """
  endCursor: String
}

"""A page of events (Relay connection)."""
type EventConnection {
  """The events of this page, each with its cursor."""
  edges: [EventEdge!]!

  """The events of this page."""
  nodes: [Event!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many events match the filters, across all pages."""
  totalCount: Int!
}

"""An event with its cursor."""
type EventEdge {
  """
  Pass as \`after\` to start the next page after this event (the same cursor format as REST's).
  """
  cursor: String!

  """The event."""
  node: Event!
}

"""When something happened, with how exactly it is known."""
type DateSpan {
  """Earliest day the event may cover (inclusive), YYYY-MM-DD."""
  startDate: String!

  """
  Latest day the event may cover (inclusive), YYYY-MM-DD; null for an ongoing process, whose open end overlaps every
  later window.
  """
  endDate: String

  """How exactly the date is known."""
  precision: Precision!

  """
  The source's own words for the date, e.g. "early 1990s" (REST: date_text).
  """
  text: String!

  """The date as an EDTF (ISO 8601-2) string."""
  edtf: String!
}

"""Something that happened, dated, placed and sourced, in neutral words."""
type Event {
  """Stable slug."""
  id: ID!

  """What kind of event it is."""
  kind: EventKind!

  """Neutral title."""
  title: String!

  """Neutral summary; the sources' own words appear only in quotes."""
  summary: String!

  """
  Whose people the event is about: one or both, or an empty list for neither.
  """
  concerns: [People!]!

  """When it happened."""
  date: DateSpan!

  """Path of the record on this API (answers 200)."""
  url: String!

  """The id of the event this one is part of, if any."""
  parentId: String

  """The event this one is part of, if any."""
  parent: Event

  """The places the event concerns, each with its role in it."""
  places: [EventPlace!]!

  """The events that are part of this one, in date order."""
  children: [Event!]!

  """The actors that took part, each with its role."""
  actors: [EventActor!]!

  """Figures about this event."""
  statistics: [Statistic!]!

  """Sources' characterisations and allegations about this event."""
  claims: [Claim!]!

  """The sources this event rests on."""
  citations: [Citation!]!
}

"""A place an event concerns, with its role in it."""
type EventPlace {
  """The place's role in the event, e.g. location or target."""
  role: String!

  """The place."""
  place: Place!
}

"""An actor that took part in an event, with its role in it."""
type EventActor {
  """The actor's role in the event."""
  role: String!

  """The actor."""
  actor: Actor!
}

"""One of a place's names, in one language and script."""
type PlaceName {
  """The name as written."""
  name: String!

  """BCP 47 tag: az, en, ru, hy, hy-Latn."""
  language: String!

  """ISO 15924 script code."""
  script: String!

  """Official, alternate or historical."""
  kind: NameKind!

  """Who uses the name, where it is one side's."""
  usedBy: String

  """
  What the name designates when narrower than the place, e.g. its centre town.
  """
  appliesTo: String
}

"""
Any JSON value; here a GeoJSON geometry (RFC 7946): a Polygon or MultiPolygon.
"""
scalar JSON

"""
Identifiers of a place in other gazetteers, each cited to the file that gives it.
"""
type PlaceIdentifiers {
  """
  ISO 3166-2 subdivision code (AZ-LAC), as Debian iso-codes gives it; null where there is none.
  """
  iso3166_2: String

  """
  GeoNames id (https://sws.geonames.org/<id>/), as the GeoNames dump files give it; null where unknown.
  """
  geonames: Int
}

"""A point on the map (WGS 84)."""
type Location {
  """Latitude in degrees."""
  lat: Float!

  """Longitude in degrees."""
  lon: Float!
}

"""A population figure."""
type Population {
  """Number of people."""
  count: Int!

  """The year the figure is for."""
  year: Int

  """What the figure rests on, e.g. a census."""
  basis: String
}

"""When the place came under Armenian control."""
type Occupation {
  """The day, YYYY-MM-DD."""
  date: String!

  """The source's own words for the date."""
  dateText: String!

  """The id of the event that records it."""
  eventId: String!

  """The event that records it."""
  event: Event!
}

"""When and how the place returned to Azerbaijani control."""
type Return {
  """The day, YYYY-MM-DD."""
  date: String!

  """Taken in a military operation or handed over under an agreement."""
  mode: ReturnMode!

  """The id of the agreement it was handed over under, for a handover."""
  agreementId: String

  """The agreement it was handed over under, for a handover."""
  agreement: Agreement

  """The id of the event that records it."""
  eventId: String!

  """The event that records it."""
  event: Event!
}

"""A place of any kind, with its names in every language."""
type Place {
  """Stable slug."""
  slug: String!

  """The English form of the official name."""
  name: String!

  """What kind of place it is."""
  kind: PlaceKind!

  """The place it lies in, if any."""
  parent: Place

  """Its official, alternate and historical names in every language."""
  names: [PlaceName!]!

  """Where it is, if known."""
  location: Location

  """The name of its administrative centre."""
  centreName: String

  """Area in square kilometres."""
  areaKm2: Float

  """What the area figure rests on."""
  areaNote: String

  """Its population, where known."""
  population: Population

  """When it came under Armenian control, if it did."""
  occupation: Occupation

  """When and how it returned to Azerbaijani control, if it did."""
  return: Return

  """A note on the place."""
  note: String

  """Path of the record on this API (answers 200)."""
  url: String!

  """Its ISO 3166-2 code and GeoNames id (null where unknown)."""
  identifiers: PlaceIdentifiers!

  """
  Its polygon as a GeoJSON geometry (Natural Earth 1:10m, public domain), where known: the districts, Shusha and Khankendi. See /v1/districts.geojson for what the lines are not.
  """
  boundary: JSON

  """The places directly inside it."""
  children: [Place!]!

  """
  Events of this place and the places inside it, in date order, each once, with the place's role.
  """
  events: [PlaceEvent!]!

  """Figures about this place."""
  statistics: [Statistic!]!

  """The sources this place's facts rest on."""
  citations: [Citation!]!
}

"""
One of the seven districts around Karabakh: a place of kind district, with the same fields as Place.
"""
type District {
  """Stable slug."""
  slug: String!

  """The English form of the official name."""
  name: String!

  """Always district."""
  kind: PlaceKind!

  """The place it lies in."""
  parent: Place

  """Its official, alternate and historical names in every language."""
  names: [PlaceName!]!

  """Where it is, if known."""
  location: Location

  """The name of its administrative centre."""
  centreName: String

  """Area in square kilometres."""
  areaKm2: Float

  """What the area figure rests on."""
  areaNote: String

  """Its population, where known."""
  population: Population

  """When it came under Armenian control."""
  occupation: Occupation

  """When and how it returned to Azerbaijani control."""
  return: Return

  """A note on the district."""
  note: String

  """Path of the record on this API (answers 200)."""
  url: String!

  """Its ISO 3166-2 code and GeoNames id (null where unknown)."""
  identifiers: PlaceIdentifiers!

  """
  Its polygon as a GeoJSON geometry (Natural Earth 1:10m, public domain), where known: the districts, Shusha and Khankendi. See /v1/districts.geojson for what the lines are not.
  """
  boundary: JSON

  """The places directly inside it."""
  children: [Place!]!

  """
  Events of the district and the places inside it, in date order, each once, with the place's role.
  """
  events: [PlaceEvent!]!

  """Figures about this district."""
  statistics: [Statistic!]!

  """The sources this district's facts rest on."""
  citations: [Citation!]!
}

"""An event of a place, with the place's role in it."""
type PlaceEvent {
  """The place's role in the event."""
  role: String!

  """The event."""
  event: Event!
}

"""A page of places (Relay connection)."""
type PlaceConnection {
  """The places of this page, each with its cursor."""
  edges: [PlaceEdge!]!

  """The places of this page."""
  nodes: [Place!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many places match the filters, across all pages."""
  totalCount: Int!
}

"""A place with its cursor."""
type PlaceEdge {
  """Pass as \`after\` to start the next page after this place."""
  cursor: String!

  """The place."""
  node: Place!
}

"""A state, person, organisation or armed force."""
type Actor {
  """Stable slug."""
  id: ID!

  """What kind of actor it is."""
  kind: ActorKind!

  """Its name."""
  name: String!

  """Who or what it is."""
  description: String

  """Path of the record on this API (answers 200)."""
  url: String!

  """The actor it belongs to, e.g. a state for its armed forces."""
  affiliation: Actor

  """Events it took part in, with its role, in date order."""
  events: [ActorEvent!]!

  """The sources its facts rest on."""
  citations: [Citation!]!
}

"""An event an actor took part in, with its role in it."""
type ActorEvent {
  """The actor's role in the event."""
  role: String!

  """The event."""
  event: Event!
}

"""
An agreement, with its signatories, provisions and the places it affected.
"""
type Agreement {
  """Stable slug."""
  id: ID!

  """Full title."""
  title: String!

  """Short title."""
  shortTitle: String!

  """What kind of agreement it is, e.g. statement."""
  kind: String!

  """The day it was signed, YYYY-MM-DD."""
  signedOn: String!

  """The source's own words for the signing date."""
  signedDateText: String!

  """Whether it is in force."""
  status: String!

  """The id of the event of its signing."""
  eventId: String

  """The event of its signing."""
  event: Event

  """A note on the agreement."""
  note: String

  """Path of the record on this API (answers 200)."""
  url: String!

  """Who signed it, in order."""
  signatories: [Signatory!]!

  """Its provisions, by point."""
  provisions: [Provision!]!

  """The places it affected."""
  places: [AgreementPlace!]!

  """The sources it rests on."""
  citations: [Citation!]!
}

"""Who signed an agreement, in which office."""
type Signatory {
  """The signatory's actor id."""
  actorId: String!

  """The signatory's name."""
  name: String!

  """The office they signed in."""
  office: String!

  """The signatory."""
  actor: Actor!
}

"""One provision of an agreement."""
type Provision {
  """Its point number."""
  point: Int!

  """What it provides, in neutral words."""
  text: String!

  """The sources it rests on."""
  citations: [Citation!]!
}

"""A place an agreement affected, and how."""
type AgreementPlace {
  """The place's slug."""
  slug: String!

  """The place's name."""
  name: String!

  """What the agreement did to the place."""
  effect: AgreementEffect!

  """The day it was due, YYYY-MM-DD."""
  dueOn: String

  """The day it took effect, YYYY-MM-DD."""
  effectiveOn: String

  """A note."""
  note: String

  """The place."""
  place: Place!
}

"""A figure with its unit, qualifier, reporter and as-of date."""
type Statistic {
  """Stable slug."""
  id: ID!

  """What is counted, in snake_case (e.g. villages_taken)."""
  subject: String!

  """What is counted, in words."""
  label: String!

  """
  Whose people the figure is about: one or both, or an empty list for neither.
  """
  concerns: [People!]!

  """
  The number; for a range, the value the source gives as its best estimate.
  """
  value: Float!

  """
  Lower bound of a range ("about 70,000-75,000"); null for a single figure.
  """
  low: Float

  """Upper bound of a range; null for a single figure."""
  high: Float

  """The unit, e.g. villages."""
  unit: String!

  """How the number relates to the true number."""
  qualifier: Qualifier!

  """The day the figure is as of, YYYY-MM-DD."""
  asOf: String

  """The source's own words for the as-of date."""
  asOfText: String

  """
  Who reported the figure: figures from different reporters are never merged.
  """
  reporter: String

  """What the figure rests on."""
  basis: String

  """The place the figure is about."""
  place: Place

  """The id of the event the figure is about."""
  eventId: String

  """The event the figure is about."""
  event: Event

  """Path of the record on this API (answers 200)."""
  url: String!

  """The sources it rests on."""
  citations: [Citation!]!
}

"""A page of statistics (Relay connection)."""
type StatisticConnection {
  """The statistics of this page, each with its cursor."""
  edges: [StatisticEdge!]!

  """The statistics of this page."""
  nodes: [Statistic!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many statistics match the filters, across all pages."""
  totalCount: Int!
}

"""A statistic with its cursor."""
type StatisticEdge {
  """Pass as \`after\` to start the next page after this statistic."""
  cursor: String!

  """The statistic."""
  node: Statistic!
}

"""
A source's own characterisation or allegation, attributed to it; never a plain fact.
"""
type Claim {
  """Stable slug."""
  id: ID!

  """What kind of statement it is."""
  kind: ClaimKind!

  """Who says so."""
  claimant: String!

  """The claimant's actor id, where the claimant is an actor."""
  claimantActorId: String

  """The claimant, where it is an actor."""
  claimantActor: Actor

  """The claim in neutral reporting words ("The article says that …")."""
  statement: String!

  """The id of the source that makes the claim."""
  sourceId: String!

  """The source that makes the claim."""
  source: Source!

  """The id of the event the claim is about."""
  eventId: String

  """The event the claim is about."""
  event: Event

  """Path of the record on this API (answers 200)."""
  url: String!

  """The quotes it rests on."""
  citations: [Citation!]!
}

"""A page of claims (Relay connection)."""
type ClaimConnection {
  """The claims of this page, each with its cursor."""
  edges: [ClaimEdge!]!

  """The claims of this page."""
  nodes: [Claim!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many claims match the filters, across all pages."""
  totalCount: Int!
}

"""A claim with its cursor."""
type ClaimEdge {
  """Pass as \`after\` to start the next page after this claim."""
  cursor: String!

  """The claim."""
  node: Claim!
}

"""A document held verbatim or a reference page cited by URL."""
type Source {
  """Stable slug."""
  id: ID!

  """Document (held verbatim) or reference (cited by URL)."""
  kind: SourceKind!

  """Title."""
  title: String!

  """Publisher."""
  publisher: String

  """Where the source comes from, by its publisher."""
  origin: SourceOrigin!

  """Place of publication."""
  placeOfPublication: String

  """Day of publication, YYYY-MM-DD."""
  publishedOn: String

  """BCP 47 language tag."""
  language: String!

  """The source's URL, where it has one."""
  url: String

  """SHA-256 of the stored text (documents only)."""
  sha256: String

  """The licence it is published under."""
  licence: String

  """How many citations rest on it."""
  citationCount: Int!

  """The full text, verbatim, for documents; null for references."""
  text: String

  """
  The citations of this source, in text order, a page at a time (REST's /v1/sources/{id}/citations).
  """
  citations(
    """Page size, 1–100 (default 20)."""
    first: Int

    """
    Cursor after which the page starts: an endCursor or edge cursor from this API, or REST's page.next_cursor.
    """
    after: String
  ): CitationConnection!
}

"""
A record resting on a source, to the exact sentence where the source holds text.
"""
type Citation {
  """Citation number."""
  id: Int!

  """The id of the source."""
  sourceId: String!

  """The source's title."""
  sourceTitle: String!

  """The source's kind."""
  sourceKind: SourceKind!

  """The source's URL, where it has one."""
  url: String

  """
  The exact words of a document source; null for references, which hold no text.
  """
  quote: String

  """
  Character offset where the quote starts: text.slice(start, end) === quote.
  """
  start: Int

  """Character offset just after the quote."""
  end: Int

  """A note, e.g. the value a reference page gives."""
  note: String

  """The record this citation supports."""
  record: CitationRecord!

  """The source."""
  source: Source!
}

"""
The record a citation supports. Place names and provisions are parts of a place and of an agreement: they are cited as that record, with the name or point that is cited.
"""
type CitationRecord {
  """The kind of record."""
  type: RecordType!

  """
  The id of the record \`url\` answers: for a place name the place's slug, for a provision its agreement's id.
  """
  id: String!

  """For a place name: the name cited (the place holds all its names)."""
  name: String

  """For a provision: its point number in the agreement's provisions."""
  point: Int

  """Path of the record on this API (answers 200)."""
  url: String!
}

"""A compact item for timeline widgets."""
type TimelineItem {
  """The kind of record it stands for."""
  type: TimelineItemType!

  """The record's id."""
  id: String!

  """
  The record's kind (an event kind, an agreement kind or a statistic subject).
  """
  kind: String!

  """The record's title."""
  title: String!

  """Path of the record on this API (answers 200)."""
  url: String!

  """When."""
  date: DateSpan!
}

"""A page of timeline items (Relay connection)."""
type TimelineConnection {
  """The items of this page, each with its cursor."""
  edges: [TimelineEdge!]!

  """The items of this page."""
  nodes: [TimelineItem!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many items the window holds, across all pages."""
  totalCount: Int!
}

"""A timeline item with its cursor."""
type TimelineEdge {
  """Pass as \`after\` to start the next page after this item."""
  cursor: String!

  """The item."""
  node: TimelineItem!
}

"""An event on this day of the year, with how many years ago it was."""
type OnThisDayItem {
  """Whole years between the event's year and the server's current year."""
  yearsAgo: Int!

  """The event."""
  event: Event!
}

"""
A search hit: what was found (type, id, title, snippet, REST url) and the record itself.
"""
type SearchHit {
  """The kind of record found."""
  type: SearchHitType!

  """The record's id (a citation number for quotes)."""
  id: String!

  """The record's title."""
  title: String!

  """Matching text with the hit between [ and ]."""
  snippet: String!

  """Path of the record on this API (answers 200); a quote is its citation."""
  url: String!

  """
  The record found: an Event, Place, Actor, Agreement, Statistic, Claim, or a Citation for a quote.
  """
  record: SearchRecord!
}

"""The record a search hit found."""
union SearchRecord = Event | Place | Actor | Agreement | Statistic | Claim | Citation

"""A page of search hits, best first (Relay connection)."""
type SearchConnection {
  """The hits of this page, each with its cursor."""
  edges: [SearchEdge!]!

  """The hits of this page."""
  nodes: [SearchHit!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many hits the search has, across all pages."""
  totalCount: Int!
}

"""A search hit with its cursor."""
type SearchEdge {
  """Pass as \`after\` to start the next page after this hit."""
  cursor: String!

  """The hit."""
  node: SearchHit!
}

"""How many records of one kind the dataset holds."""
type RecordCount {
  """The kind of record (a table name, e.g. events)."""
  type: String!

  """How many."""
  count: Int!
}

"""The dataset's metadata."""
type Meta {
  """Dataset version: changes whenever any seed input changes."""
  version: String!

  """SHA-256 over every seed input."""
  sha256: String!

  """When the database was built (ISO 8601)."""
  builtAt: String!

  """The data's licence."""
  licence: String!

  """The data's licence as a record: SPDX id, name and deed URL."""
  license: License!

  """
  One line to show beside any use of the data, as it is; it names the dataset version.
  """
  attribution: String!

  """How many records of each kind the dataset holds."""
  counts: [RecordCount!]!

  """Every source, the document first."""
  sources: [Source!]!

  """
  The balance report: whose people the records concern, and where the sources come from.
  """
  balance: Balance!

  """
  The whole dataset as files (the SQLite database, the Data Package zip, datapackage.json, one CSV per table). The files themselves are REST: fetch each url.
  """
  downloads: [Download!]!

  """
  The releases of the dataset, newest first, always with the dataset being served.
  """
  releases: [Release!]!
}

"""One whole-dataset download of this dataset version."""
type Download {
  """Absolute URL of the file."""
  url: String!

  """The Content-Type the file is sent with."""
  mediaType: String!

  """Size of the file in bytes."""
  bytes: Int!

  """SHA-256 of the file's bytes, hex."""
  sha256: String!

  """What the file holds."""
  title: String!
}

"""A people whose members a record is about."""
enum People {
  """Azerbaijanis."""
  azerbaijanis

  """Armenians, Karabakh Armenians among them."""
  armenians
}

"""
Where a source comes from, by its publisher; a copy counts as the original it names.
"""
enum SourceOrigin {
  """Azerbaijani government, state or other Azerbaijani media."""
  azerbaijani

  """Armenian or Karabakh Armenian government or media."""
  armenian

  """Russian state media and government."""
  russian

  """International bodies and foreign media."""
  international

  """Anything else: encyclopedias and their copies, blogs, unnamed reposts."""
  other
}

"""Whose people the records of a balance row concern."""
enum BalanceGroup {
  """
  Records about Azerbaijanis (a record about both peoples is counted under each).
  """
  azerbaijanis

  """
  Records about Armenians (a record about both peoples is counted under each).
  """
  armenians

  """Records about neither people, e.g. the Minsk Group founding."""
  neither
}

"""How many records of each kind concern one people, or neither."""
type BalanceRow {
  """Whose people these records concern."""
  concerns: BalanceGroup!

  """Events."""
  events: Int!

  """Statistics."""
  statistics: Int!

  """Claims: a claim concerns what its event concerns."""
  claims: Int!
}

"""How many sources have one origin."""
type OriginCount {
  """The origin."""
  origin: SourceOrigin!

  """How many sources."""
  count: Int!
}

"""The balance report."""
type Balance {
  """Records by the people they concern: azerbaijanis, armenians, neither."""
  concerns: [BalanceRow!]!

  """Sources by origin, one row per origin."""
  sourcesByOrigin: [OriginCount!]!
}

"""
A day kept every year; the decree that set it up is an event, the day itself is not.
"""
type Observance {
  """Stable slug."""
  id: ID!

  """The name of the day, e.g. Remembrance Day."""
  name: String!

  """The day of the year it is kept, MM-DD."""
  day: String!

  """The dated event (an order or decree) that established it."""
  establishedBy: Event

  """The sources this observance rests on."""
  citations: [Citation!]!
}

"""A page of actors (Relay connection)."""
type ActorConnection {
  """The actors of this page, each with its cursor."""
  edges: [ActorEdge!]!

  """The actors of this page."""
  nodes: [Actor!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many actors there are, across all pages."""
  totalCount: Int!
}

"""An actor with its cursor."""
type ActorEdge {
  """Pass as \`after\` to start the next page after this actor."""
  cursor: String!

  """The actor."""
  node: Actor!
}

"""A page of agreements (Relay connection)."""
type AgreementConnection {
  """The agreements of this page, each with its cursor."""
  edges: [AgreementEdge!]!

  """The agreements of this page."""
  nodes: [Agreement!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many agreements there are, across all pages."""
  totalCount: Int!
}

"""An agreement with its cursor."""
type AgreementEdge {
  """Pass as \`after\` to start the next page after this agreement."""
  cursor: String!

  """The agreement."""
  node: Agreement!
}

"""A page of sources (Relay connection)."""
type SourceConnection {
  """The sources of this page, each with its cursor."""
  edges: [SourceEdge!]!

  """The sources of this page."""
  nodes: [Source!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many sources there are, across all pages."""
  totalCount: Int!
}

"""A source with its cursor."""
type SourceEdge {
  """Pass as \`after\` to start the next page after this source."""
  cursor: String!

  """The source."""
  node: Source!
}

"""A page of events on the day (Relay connection)."""
type OnThisDayConnection {
  """The events on the day of this page, each with its cursor."""
  edges: [OnThisDayEdge!]!

  """The events on the day of this page."""
  nodes: [OnThisDayItem!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many events on the day there are, across all pages."""
  totalCount: Int!
}

"""An event on the day with its cursor."""
type OnThisDayEdge {
  """
  Pass as \`after\` to start the next page after this event, with how many years ago.
  """
  cursor: String!

  """The event, with how many years ago."""
  node: OnThisDayItem!
}

"""A page of observances (Relay connection)."""
type ObservanceConnection {
  """The observances of this page, each with its cursor."""
  edges: [ObservanceEdge!]!

  """The observances of this page."""
  nodes: [Observance!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many observances there are, across all pages."""
  totalCount: Int!
}

"""An observance with its cursor."""
type ObservanceEdge {
  """Pass as \`after\` to start the next page after this observance."""
  cursor: String!

  """The observance."""
  node: Observance!
}

"""A page of a source's citations (Relay connection)."""
type CitationConnection {
  """The citations of this page, each with its cursor."""
  edges: [CitationEdge!]!

  """The citations of this page."""
  nodes: [Citation!]!

  """Where this page stands."""
  pageInfo: PageInfo!

  """How many citations the source has, across all pages."""
  totalCount: Int!
}

"""A citation with its cursor."""
type CitationEdge {
  """Pass as \`after\` to start the next page after this citation."""
  cursor: String!

  """The citation."""
  node: Citation!
}

"""One release of the dataset (REST: /v1/releases)."""
type Release {
  """The dataset version."""
  version: String!

  """
  YYYY-MM-DD: the newest publication date among the sources the release rests on.
  """
  date: String!

  """Rows per table, as in meta.counts."""
  counts: [RecordCount!]!

  """What the release holds or changed, in a few words."""
  notes: String!

  """Whether this is the dataset this server answers from."""
  current: Boolean!

  """
  What changed from this release to the current dataset: /v1/changes?since=….
  """
  changesUrl: String!
}

"""
The kinds of record a release lists: each has a REST route /v1/<type>s/{id}.
"""
enum ReleaseRecordType {
  """An actor: /v1/actors/{id}."""
  actor

  """An agreement: /v1/agreements/{id}."""
  agreement

  """A claim: /v1/claims/{id}."""
  claim

  """An event: /v1/events/{id}."""
  event

  """An observance: /v1/observances/{id}."""
  observance

  """A place: /v1/places/{slug}."""
  place

  """A source: /v1/sources/{id}."""
  source

  """A statistic: /v1/statistics/{id}."""
  statistic
}

"""A record that was added, changed or removed."""
type RecordChange {
  """The kind of record."""
  type: ReleaseRecordType!

  """The record's id (a place's slug)."""
  id: String!

  """The record on this API; for a removed record, where it was."""
  url: String!
}

"""
What changed between a release and the dataset being served; each list sorted by type, then id.
"""
type Changes {
  """The version asked for (since)."""
  from: String!

  """The version being served."""
  to: String!

  """Records in \`to\` and not in \`from\`."""
  added: [RecordChange!]!

  """Records in both whose content hash differs."""
  changed: [RecordChange!]!

  """Records in \`from\` and not in \`to\`."""
  removed: [RecordChange!]!
}

"""The data's licence; quotes stay the words of their sources."""
type License {
  """SPDX licence id, e.g. CC-BY-4.0."""
  id: String!

  """The licence's name."""
  name: String!

  """The licence deed's URL."""
  url: String!
}
`;
