import type { DatePrecision } from '../dates.js';

/** The records the commands print. Field names are the public contract: add keys, never rename them. */

export interface ActorRef {
  id: string;
  name: string;
}

export interface ActorRoleRef extends ActorRef {
  role: string;
}

export interface AgreementRef {
  id: string;
  name: string;
}

export interface RecordRef {
  id: string;
  kind: string;
  date: string | null;
  title: string;
}

export interface Citation {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  quote: string;
}

/** A number a source reports about a record; several of one name mean the reports disagree. */
export interface Figure {
  figure: string;
  value: number;
  /** The top of a range; value is then its bottom. */
  max: number | null;
  qualifier: 'exact' | 'at-least' | 'more-than' | 'about' | 'up-to';
  claimed_by: ActorRef | null;
  /** The id of the source (one of the record's sources) and its words. */
  source: string;
  quote: string;
}

/** One side's claim on a disputed point about a record, with its source. */
export interface Claim {
  about: string;
  claim: string;
  claimed_by: ActorRef | null;
  source: string;
  quote: string;
}

/** What every dated fact may carry. */
interface FactExtras {
  figures: Figure[];
  claims: Claim[];
}

interface Dated {
  date: string;
  date_precision: DatePrecision;
}

export interface EventRecord extends Dated, FactExtras {
  id: string;
  kind: 'event';
  title: string;
  summary: string;
  type: string;
  location: string | null;
  actors: ActorRoleRef[];
  /** Ids of the records this one answers. */
  in_response_to: string[];
  agreements: AgreementRef[];
  cameo: string | null;
  sources: Citation[];
}

export interface StatementRecord extends Dated, FactExtras {
  id: string;
  kind: 'statement';
  title: string;
  summary: string;
  type: string;
  speaker: ActorRef;
  on_behalf_of: ActorRef | null;
  addressees: ActorRef[];
  quote: string | null;
  event: string | null;
  in_response_to: string[];
  agreements: AgreementRef[];
  cameo: string | null;
  sources: Citation[];
}

export interface MeasureRecord extends Dated, FactExtras {
  id: string;
  kind: 'measure';
  title: string;
  summary: string;
  by: ActorRef;
  against: ActorRef;
  category: string;
  status: string;
  in_response_to: string[];
  agreements: AgreementRef[];
  cameo: string | null;
  sources: Citation[];
}

export interface ActorRecord {
  id: string;
  /** For an actor, what sort it is: state, person, organisation or group. */
  kind: string;
  name: string;
  country: ActorRef | null;
  /** The body it is part of, if any (ISPR of Pakistan's armed forces). */
  part_of: ActorRef | null;
  title: string | null;
  aliases: string[];
  sources: Citation[];
}

export interface AgreementRecord extends Dated, FactExtras {
  id: string;
  kind: 'agreement';
  name: string;
  aliases: string[];
  summary: string;
  parties: ActorRef[];
  invoked_by: RecordRef[];
  sources: Citation[];
}

export interface SourceRecord {
  id: string;
  kind: 'source';
  title: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  /** How many records cite this source. */
  cited_by: number;
}

/** One event, statement or measure in the timeline: what every dated fact has in common. */
export interface TimelineRecord extends Dated, FactExtras {
  id: string;
  kind: 'event' | 'statement' | 'measure';
  title: string;
  summary: string;
  /** Everyone taking part, each with their role in it: initiator, speaker, addressee, by, against, ... */
  actors: ActorRoleRef[];
  in_response_to: string[];
  agreements: AgreementRef[];
  cameo: string | null;
  sources: Citation[];
}

/** Where `search` found its words: the matched words in `snippet` stand between these two characters. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** One record `search` found, best match first. */
export interface SearchHit {
  id: string;
  kind: string;
  date: string | null;
  date_precision: string | null;
  title: string;
  /** A few words around the match, from the field that matched best, the match marked (see MATCH_START). */
  snippet: string;
  /** 1 for the best match (bm25: a title counts most, then summaries and actors, then quotes). */
  rank: number;
}

export type AnyRecord = EventRecord | StatementRecord | MeasureRecord | ActorRecord | AgreementRecord | SourceRecord;

/** A record in the response graph, with what a picture of it needs. */
export interface ResponseNode extends Dated {
  id: string;
  kind: 'event' | 'statement' | 'measure';
  title: string;
  /** The state whose act the record is (sideOf in queries/fragments.ts), or null. */
  side: string | null;
  actors: ActorRoleRef[];
}

/** Reads "<from> <relation> <to>": the attack answered-by India's measures; an event statement-made-here a statement. */
export interface ResponseEdge {
  from: string;
  to: string;
  relation: 'answered-by' | 'statement-made-here';
}

export interface ResponseGraph {
  nodes: ResponseNode[];
  edges: ResponseEdge[];
}

/** A chain: the graph around one record, back to what led to it and on to what answered it. */
export interface Chain extends ResponseGraph {
  root: string;
}
