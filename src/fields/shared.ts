import {
  actorJson, actorsJson, agreementsJson, citationsJson, claimsJson, figuresJson, inResponseToJson,
} from '../queries/fragments.js';
import {
  constant, date, day, described, field, id, list, matching, nullable, number, object, oneOf, PRIORITY, text, type ValueOf,
} from './define.js';

/** The shapes that appear inside records of several kinds, and the fields records of several kinds share. */

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const QUALIFIERS = ['exact', 'at-least', 'more-than', 'about', 'up-to'] as const;

export const actorRef = object({ id: id("the actor's id"), name: text("the actor's display name") }, 'an actor');
export const actorRoleRef = <const R extends string>(roles: readonly R[]) =>
  object({ id: id("the actor's id"), name: text("the actor's display name"), role: oneOf(roles, 'their role in it') }, 'an actor, with its role');
export const agreementRef = object({ id: id("the agreement's id"), name: text("the agreement's name") }, 'an agreement');

export const citation = object(
  {
    id: id("the source's id"),
    title: text("the source's title"),
    publisher: nullable(text('who published it, where known')),
    url: nullable(text('where it is, where it is online')),
    published: nullable(date('when it was published, where known')),
    reports: text('what the page reports for this record, in our own words, with its exact figures, names and dates'),
    quote: nullable(text('the words of a party to the crisis as the page gives them, verbatim, or null: a reporter’s words are never quoted')),
  },
  'a page the record rests on, and what it reports',
);

export const figure = object(
  {
    figure: text('what is counted, kebab-case: killed, injured, drones-downed, ...'),
    value: number('the number, or the bottom of a range'),
    max: nullable(number('the top of a range, or null')),
    qualifier: oneOf(QUALIFIERS, 'how the source qualifies the number'),
    claimed_by: nullable(actorRef, 'whose number it is, when the source attributes it'),
    source: id('the id of the page reporting it, one of the record’s sources'),
    reports: text('what that page reports of the number, in our own words'),
    quote: nullable(text('the claimant’s own words giving the number, verbatim, or null')),
  },
  'a number a page reports',
);

export const claim = object(
  {
    about: text('the disputed point, kebab-case: brokered-by, ...; claims on one point are to be compared'),
    claim: text('what is claimed, in our words'),
    claimed_by: nullable(actorRef, 'who claims it, or null when the source says it in its own voice'),
    source: id('the id of the page reporting the claim, one of the record’s sources'),
    reports: text('what that page reports the claimant claims, in our own words'),
    quote: nullable(text('the claimant’s own words, verbatim, or null')),
  },
  'one side’s account of a disputed point',
);

export const RESPONSE_BASES = ['stated', 'inferred'] as const;
export const DATE_BASES = ['stated', 'derived', 'published', 'inferred'] as const;

export const responseLink = object(
  {
    id: id('the id of the record answered'),
    basis: oneOf(RESPONSE_BASES, 'stated: a page says this record answers that one; inferred: the editors read it from the sequence of events'),
    source: nullable(id('for a stated link, the page that says so (one of the record’s sources), else null')),
    quote: nullable(text('a party’s own words saying so, verbatim, or null')),
  },
  'a record this one answers, and how that is known',
);

export type ActorRef = ValueOf<typeof actorRef>;
export type ActorRoleRef = ActorRef & { role: string };
export type AgreementRef = ValueOf<typeof agreementRef>;
export type Citation = ValueOf<typeof citation>;
export type Figure = ValueOf<typeof figure>;
export type Claim = ValueOf<typeof claim>;
export type ResponseLink = ValueOf<typeof responseLink>;

/*
 * Fields that mean the same wherever they appear. Each takes the SQL alias of the table its kind's query
 * reads it from (`e` for events), or the SQL itself where it is computed.
 */

export const recordId = (t: string) =>
  field('id', `${t}.id`, id('stable, unique, lower-case kebab-case id across the whole database; `crisis show <id>` prints the record'), {
    column: { cut: false, priority: PRIORITY.id },
  });
export const factKind = <const K extends string>(kind: K) => field('kind', `'${kind}'`, constant(kind, `always "${kind}"`));
export const recordDate = (t: string, description = 'YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the sources are') =>
  field('date', `${t}.date`, date(description), { column: { cut: false, priority: PRIORITY.date } });
export const datePrecision = (t: string) => field('date_precision', `${t}.date_precision`, oneOf(DATE_PRECISIONS, 'how precise `date` is'));
/**
 * The first and last day `date` covers as written, from the table's date_start and date_precision: `2025-05`
 * is 2025-05-01 to 2025-05-31. The last day is the calendar's, not the stored date_end, which for a month or
 * year may be cut to the day a page first reported the record (compile/write-database.ts storedDate), for the
 * order only. `nullable` for a kind some of whose records have no date.
 */
export const dateSpan = (t: string, orNull = false) => {
  const typed = (description: string) => (orNull ? nullable(day(description), `${description}, or null for actors and sources`) : day(description));
  return [
    field('date_start', `${t}.date_start`, typed('the first day `date` covers, YYYY-MM-DD: 2025-05 starts on 2025-05-01'), { column: { cut: false, priority: PRIORITY.date } }),
    field(
      'date_end',
      `date(${t}.date_start, '+1 ' || ${t}.date_precision, '-1 day')`,
      typed('the last day `date` covers, YYYY-MM-DD: 2025-05 ends on 2025-05-31'),
      { column: { cut: false, priority: PRIORITY.date } },
    ),
  ] as const;
};
export const dateBasis = (t: string) =>
  field(
    'date_basis',
    `${t}.date_basis`,
    oneOf(
      DATE_BASES,
      'how the date is known: stated on the page; derived from a weekday or "yesterday" and the page’s date; published, only the report’s date is known; inferred by the editors',
    ),
  );
export const dateNote = (t: string) => field('date_note', `${t}.date_note`, nullable(text('how a derived or inferred date was found, or null')), { column: { priority: PRIORITY.detail } });
export const title = (t: string) => field('title', `${t}.title`, text('a short title, in our own words'), { column: { priority: PRIORITY.title } });
export const summary = (sql: string) => field('summary', sql, text('what happened, in our own words; the sources’ words are in `sources`'), { column: { priority: PRIORITY.detail } });

/** The fields every event, statement and measure begins with. */
export const factHead = <const K extends string>(t: string, kind: K) =>
  [recordId(t), factKind(kind), recordDate(t), datePrecision(t), ...dateSpan(t), dateBasis(t), dateNote(t), title(t), summary(`${t}.summary`)] as const;

export const inResponseTo = (t: string) =>
  field('in_response_to', inResponseToJson(`${t}.id`), list(responseLink, 'the records this one answers, each stated by a page or inferred by the editors'), {
    json: true,
    column: { cut: false, priority: PRIORITY.detail },
  });
export const agreements = (t: string) => field('agreements', agreementsJson(`${t}.id`), list(agreementRef, 'the agreements it invokes'), { json: true, column: { priority: PRIORITY.detail } });
export const cameo = (sql: string) =>
  field('cameo', sql, nullable(matching('^[0-9]{2,4}$', 'CAMEO event code, for joining with GDELT and ICEWS, or null')));
export const figures = (t: string) =>
  field('figures', figuresJson(`${t}.id`), list(figure, 'numbers sources report about it, one entry a report: reports that differ are all kept'), { json: true, column: { priority: PRIORITY.detail } });
export const claims = (t: string) => field('claims', claimsJson(`${t}.id`), list(claim, 'each side’s account of a disputed point, one entry a claim'), { json: true, column: { priority: PRIORITY.detail } });
export const sources = (t: string, description = 'the pages it rests on, each with what it reports and a party’s words where it gives them') =>
  field('sources', citationsJson(`${t}.id`), list(citation, description), { json: true, column: { priority: PRIORITY.detail } });

/** The fields every event, statement and measure ends with: its links, code, reported numbers and claims, and sources. */
export const factTail = (t: string, cameoSql = `${t}.cameo`) =>
  [inResponseTo(t), agreements(t), cameo(cameoSql), figures(t), claims(t), sources(t)] as const;

/** The actors taking part in a record in these roles, each with their role, in the order the fact file gives them. */
export const actorsField = <const R extends string>(t: string, roles: readonly R[], description: string) =>
  field('actors', actorsJson(`${t}.id`, roles, true), list(actorRoleRef(roles), description), { json: true, ids: 'list', column: { priority: PRIORITY.detail } });

/** Actors in one role, a list of `{id, name}` in the order the fact file gives them (a statement's addressees). */
export const actorListField = <const Name extends string>(name: Name, id: string, role: string, description: string) =>
  field(name, actorsJson(id, [role]), list(actorRef, description), { json: true, ids: 'list', column: { priority: PRIORITY.detail } });

/** An actor named by an id column, as a field. */
export const actorField = <const Name extends string>(name: Name, idColumn: string, description: string) =>
  field(name, actorJson(idColumn), described(actorRef, description), { json: true, ids: 'one', column: { priority: PRIORITY.detail } });
export const nullableActorField = <const Name extends string>(name: Name, idColumn: string, description: string) =>
  field(name, actorJson(idColumn), nullable(actorRef, description), { json: true, ids: 'one', column: { priority: PRIORITY.detail } });
