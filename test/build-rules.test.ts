import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/compile/read-fact-files.js';
import { formatProblem } from '../src/compile/problems.js';
import { buildFixture, find, FIXTURE_DATA, tempDir } from './helpers.js';

type Records = Record<string, unknown>[];

const inferred = (id: string) => ({ id, basis: 'inferred' });

const figure = (records: Records, id: string, index: number) =>
  (find(records, id).figures as Record<string, unknown>[])[index]!;

/**
 * Each data rule: one record in the fixture is broken one way, and the build must refuse it,
 * naming the file, the record and the reason.
 */
const cases: { rule: string; file: string; edit: (records: Records) => void; problem: RegExp }[] = [
  {
    rule: 'a required field must be present',
    file: 'events.yaml',
    edit: (records) => delete find(records, 'pahalgam-attack').title,
    problem: /^events\.yaml: pahalgam-attack: title: /,
  },
  {
    rule: 'an unknown field is refused (a misspelt field would be lost)',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').catgory = 'water'),
    problem: /^measures\.yaml: india-suspends-treaty: .*catgory/,
  },
  {
    rule: 'an id is lower-case kebab-case',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').id = 'Pahalgam_Attack'),
    problem: /^events\.yaml: Pahalgam_Attack: id: must be lower-case kebab-case/,
  },
  {
    rule: 'an id is unique across every kind',
    file: 'statements.yaml',
    edit: (records) => (find(records, 'lavrov-cites-simla').id = 'pahalgam-attack'),
    problem: /^statements\.yaml: pahalgam-attack: id is already used by an event in events\.yaml/,
  },
  {
    rule: 'a date must be a real date',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').date = '2025-02-30'),
    problem: /^events\.yaml: pahalgam-attack: date '2025-02-30' is not a real date/,
  },
  {
    rule: 'a date must have the precision it claims (no made-up day)',
    file: 'events.yaml',
    edit: (records) => (find(records, 'lavrov-dar-call').date_precision = 'day'),
    problem: /^events\.yaml: lavrov-dar-call: date '2025-05' has month precision but date_precision says day/,
  },
  {
    rule: 'a precision must be day, month or year',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').date_precision = 'week'),
    problem: /^events\.yaml: pahalgam-attack: date_precision: /,
  },
  {
    rule: 'an event needs a citation',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').sources = []),
    problem: /^events\.yaml: pahalgam-attack: sources: cites no source/,
  },
  {
    rule: 'a statement needs a citation',
    file: 'statements.yaml',
    edit: (records) => delete find(records, 'lavrov-cites-simla').sources,
    problem: /^statements\.yaml: lavrov-cites-simla: sources: /,
  },
  {
    rule: 'a measure needs a citation',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').sources = []),
    problem: /^measures\.yaml: pakistan-closes-airspace: sources: cites no source/,
  },
  {
    rule: 'an agreement needs a citation',
    file: 'agreements.yaml',
    edit: (records) => (find(records, 'simla-agreement').sources = []),
    problem: /^agreements\.yaml: simla-agreement: sources: cites no source/,
  },
  {
    rule: 'a citation says what its page reports',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').sources = [{ source: 'seed-article', quote: 'the Pahalgam terror attack' }]),
    problem: /^events\.yaml: pahalgam-attack: sources\.0\.reports: /,
  },
  {
    rule: 'a quote must stand word for word in its bundled source',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').sources = [{ source: 'seed-article', reports: 'It killed 28.', quote: 'which killed 28 people' }]),
    problem: /^events\.yaml: pahalgam-attack: sources\.0\.quote is not found word for word in source 'seed-article'/,
  },
  {
    rule: 'a cited source must exist',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').sources = [{ source: 'nowhere', reports: 'x' }]),
    problem: /^measures\.yaml: india-suspends-treaty: sources\.0\.source: no source 'nowhere'/,
  },
  {
    rule: "a statement's own quote must stand in one of its citations' quotes, which names its page",
    file: 'statements.yaml',
    edit: (records) => (find(records, 'putin-condemns-attack').quote = 'condemned the attack in the strongest terms'),
    problem: /^statements\.yaml: putin-condemns-attack: quote is not found word for word in the quote of any citation/,
  },
  {
    rule: "a statement's quote is not found in a citation that has no quote of its own",
    file: 'statements.yaml',
    edit: (records) => delete (find(records, 'putin-condemns-attack').sources as Record<string, unknown>[])[0]!.quote,
    problem: /^statements\.yaml: putin-condemns-attack: quote is not found word for word in the quote of any citation/,
  },
  {
    rule: 'a speaker must be a known actor',
    file: 'statements.yaml',
    edit: (records) => (find(records, 'putin-condemns-attack').speaker = 'vladimir-putn'),
    problem: /^statements\.yaml: putin-condemns-attack: speaker: no record 'vladimir-putn'/,
  },
  {
    rule: 'an actor reference must name an actor, not another kind',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').against = 'simla-agreement'),
    problem: /^measures\.yaml: india-suspends-treaty: against: 'simla-agreement' is an agreement, expected actor/,
  },
  {
    rule: "an event's actors must be known",
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').actors = [{ actor: 'narnia', role: 'target' }]),
    problem: /^events\.yaml: pahalgam-attack: actors\.0\.actor: no record 'narnia'/,
  },
  {
    rule: "an event's actor role must be one of the known roles",
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').actors = [{ actor: 'india', role: 'victim' }]),
    problem: /^events\.yaml: pahalgam-attack: actors\.0\.role: /,
  },
  {
    rule: "an event's type must be one of the declared types (a ceasefire is an agreement, not an event)",
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').type = 'ceasefire'),
    problem: /^events\.yaml: pahalgam-attack: type: must be one of attack, military-strike, .*population-movement, not "ceasefire"$/,
  },
  {
    rule: "a statement's type must be one of the declared types",
    file: 'statements.yaml',
    edit: (records) => (find(records, 'putin-condemns-attack').type = 'condemnations'),
    problem: /^statements\.yaml: putin-condemns-attack: type: must be one of announcement, .*denial, not "condemnations"$/,
  },
  {
    rule: "a measure's category must be one of the declared categories",
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').category = 'rivers'),
    problem: /^measures\.yaml: india-suspends-treaty: category: must be one of water, trade, .*finance, not "rivers"$/,
  },
  {
    rule: "a statement's event must be an event",
    file: 'statements.yaml',
    edit: (records) => (find(records, 'putin-condemns-attack').event = 'india-suspends-treaty'),
    problem: /^statements\.yaml: putin-condemns-attack: event: 'india-suspends-treaty' is a measure, expected event/,
  },
  {
    rule: 'a statement falls within the date of the event it was made at',
    file: 'statements.yaml',
    edit: (records) => (find(records, 'putin-condemns-attack').date = '2025-05-06'),
    problem: /^statements\.yaml: putin-condemns-attack: date 2025-05-06 does not fall within the date of its event 'putin-modi-call'/,
  },
  {
    rule: 'an invoked agreement must exist',
    file: 'statements.yaml',
    edit: (records) => (find(records, 'lavrov-cites-simla').agreements = ['tashkent-declaration']),
    problem: /^statements\.yaml: lavrov-cites-simla: agreements\.0: no record 'tashkent-declaration'/,
  },
  {
    rule: 'in_response_to must name a fact, not an actor',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = [inferred('india-suspends-treaty'), inferred('vladimir-putin')]),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to\.1\.id: 'vladimir-putin' is an actor, expected agreement or event or statement or measure/,
  },
  {
    rule: 'in_response_to must exist',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = [inferred('india-closes-airspace')]),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to\.0\.id: no record 'india-closes-airspace'/,
  },
  {
    rule: 'in_response_to is a list (one id in brackets)',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = inferred('india-suspends-treaty')),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to: /,
  },
  {
    rule: 'a page with no date says why',
    file: 'sources.yaml',
    edit: (records) => delete find(records, 'jang-pahalgam-attack-toll').published,
    problem: /^sources\.yaml: jang-pahalgam-attack-toll: published: give the date the page shows, or a published_note saying why none is known/,
  },
  {
    rule: 'a measure amends another measure, not an event',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').amends = { id: 'pahalgam-attack', change: 'extends' }),
    problem: /^measures\.yaml: pakistan-closes-airspace: amends\.id: 'pahalgam-attack' is an event, expected measure/,
  },
  {
    rule: 'a measure cannot amend one dated after it',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').amends = { id: 'pakistan-closes-airspace', change: 'reverses' }),
    problem: /^measures\.yaml: india-suspends-treaty: amends\.id: 'pakistan-closes-airspace' \(2025-04-24\) is dated after the measure that amends it/,
  },
  {
    rule: 'a measure cannot amend itself',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').amends = { id: 'india-suspends-treaty', change: 'extends' }),
    problem: /^measures\.yaml: india-suspends-treaty: amends\.id: a measure cannot amend itself/,
  },
  {
    rule: 'an amendment either extends or reverses',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').amends = { id: 'india-suspends-treaty', change: 'renews' }),
    problem: /^measures\.yaml: pakistan-closes-airspace: amends\.change: /,
  },
  {
    rule: 'a measure cannot answer something dated after it',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').date = '2025-04-21'),
    problem: /^measures\.yaml: india-suspends-treaty: in_response_to\.0: 'pahalgam-attack' \(2025-04-22\) is dated after the measure/,
  },
  {
    rule: 'a statement may answer an event, but not one dated after it',
    file: 'statements.yaml',
    edit: (records) => Object.assign(find(records, 'lavrov-cites-simla'), { date: '2025-04-30', date_precision: 'day', in_response_to: [inferred('putin-modi-call')] }),
    problem: /^statements\.yaml: lavrov-cites-simla: in_response_to\.0: 'putin-modi-call' \(2025-05-05\) is dated after the statement/,
  },
  {
    rule: 'a record cannot answer itself',
    file: 'events.yaml',
    edit: (records) => (find(records, 'putin-modi-call').in_response_to = [inferred('putin-modi-call')]),
    problem: /^events\.yaml: putin-modi-call: in_response_to\.0: a record cannot answer itself/,
  },
  {
    rule: "an event's agreements must exist",
    file: 'events.yaml',
    edit: (records) => (find(records, 'putin-modi-call').agreements = ['tashkent-declaration']),
    problem: /^events\.yaml: putin-modi-call: agreements\.0: no record 'tashkent-declaration'/,
  },
  {
    rule: "a figure's source must also be among the record's sources",
    file: 'events.yaml',
    edit: (records) => ((find(records, 'pahalgam-attack').sources as unknown[]).splice(1)),
    problem: /^events\.yaml: pahalgam-attack: figures\.1\.source: 'asian-age-modi-will-punish-ultras' is not among the record's sources/,
  },
  {
    rule: "a figure's number must be stated by its reports, where it has no quote",
    file: 'events.yaml',
    edit: (records) => (figure(records, 'pahalgam-attack', 1).value = 29),
    problem: /^events\.yaml: pahalgam-attack: figures\.1: neither its quote nor its reports states the number 29/,
  },
  {
    rule: "a figure's number must be stated by its quote or its reports, not by a date in them",
    file: 'events.yaml',
    edit: (records) => Object.assign(figure(records, 'pahalgam-attack', 1), { value: 24 }),
    problem: /^events\.yaml: pahalgam-attack: figures\.1: neither its quote nor its reports states the number 24/,
  },
  {
    rule: "the top of a figure's range must be stated too",
    file: 'events.yaml',
    edit: (records) => Object.assign(figure(records, 'pahalgam-attack', 0), { max: 30 }),
    problem: /^events\.yaml: pahalgam-attack: figures\.0: neither its quote nor its reports states the number 30/,
  },
  {
    rule: 'a figure says what its page reports of it',
    file: 'events.yaml',
    edit: (records) => delete figure(records, 'pahalgam-attack', 1).reports,
    problem: /^events\.yaml: pahalgam-attack: figures\.1\.reports: /,
  },
  {
    rule: '"over N" and "more than N" are more-than',
    file: 'events.yaml',
    edit: (records) => Object.assign(figure(records, 'pahalgam-attack', 1), { qualifier: 'at-least', reports: 'The page says over 28 were killed.' }),
    problem: /^events\.yaml: pahalgam-attack: figures\.1\.qualifier: the page says "over" or "more than" 28, which is more-than, not at-least/,
  },
  {
    rule: "a figure's quote is checked word for word",
    file: 'events.yaml',
    edit: (records) => (figure(records, 'pahalgam-attack', 0).quote = 'which killed 26 tourists'),
    problem: /^events\.yaml: pahalgam-attack: figures\.0\.quote is not found word for word in source 'seed-article'/,
  },
  {
    rule: "a range's top cannot be below its bottom",
    file: 'events.yaml',
    edit: (records) => (figure(records, 'pahalgam-attack', 0).max = 20),
    problem: /^events\.yaml: pahalgam-attack: figures\.0\.max: 20 is less than value 26/,
  },
  {
    rule: 'a figure is claimed by a known actor',
    file: 'events.yaml',
    edit: (records) => (figure(records, 'pahalgam-attack', 1).claimed_by = 'asian-age'),
    problem: /^events\.yaml: pahalgam-attack: figures\.1\.claimed_by: no record 'asian-age'/,
  },
  {
    rule: 'a figure qualifier is from the known list',
    file: 'events.yaml',
    edit: (records) => (figure(records, 'pahalgam-attack', 0).qualifier = 'roughly'),
    problem: /^events\.yaml: pahalgam-attack: figures\.0\.qualifier: /,
  },
  {
    rule: "a claim's quote is checked and its source cited",
    file: 'statements.yaml',
    edit: (records) =>
      (find(records, 'lavrov-cites-simla').claims = [
        { about: 'brokered-by', claim: 'Russia offered to help.', claimed_by: 'sergey-lavrov', source: 'jang-pahalgam-attack-toll', reports: 'Lavrov said Russia would help.' },
      ]),
    problem: /^statements\.yaml: lavrov-cites-simla: claims\.0\.source: 'jang-pahalgam-attack-toll' is not among the record's sources/,
  },
  {
    rule: "a claim's claimant must be an actor",
    file: 'statements.yaml',
    edit: (records) =>
      (find(records, 'lavrov-cites-simla').claims = [
        { about: 'position', claim: 'Bilateral talks.', claimed_by: 'simla-agreement', source: 'seed-article', reports: 'The Simla Agreement says so.', quote: 'Simla Agreement' },
      ]),
    problem: /^statements\.yaml: lavrov-cites-simla: claims\.0\.claimed_by: 'simla-agreement' is an agreement, expected actor/,
  },
  {
    rule: 'a measure status is from the known list',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').status = 'maybe'),
    problem: /^measures\.yaml: india-suspends-treaty: status: /,
  },
  {
    rule: 'an agreement party must be a known actor',
    file: 'agreements.yaml',
    edit: (records) => (find(records, 'simla-agreement').parties = ['india', 'bangladesh']),
    problem: /^agreements\.yaml: simla-agreement: parties\.1: no record 'bangladesh'/,
  },
  {
    rule: "an actor's country must be a state",
    file: 'actors.yaml',
    edit: (records) => (find(records, 'sergey-lavrov').country = 'vladimir-putin'),
    problem: /^actors\.yaml: sergey-lavrov: country: 'vladimir-putin' is not a state/,
  },
  {
    rule: 'a state belongs to no other state',
    file: 'actors.yaml',
    edit: (records) => (find(records, 'russia').country = 'india'),
    problem: /^actors\.yaml: russia: country: a state does not belong to another state/,
  },
  {
    rule: 'a body is part of an organisation or group, not a state (that is country)',
    file: 'actors.yaml',
    edit: (records) => (find(records, 'sergey-lavrov').part_of = 'russia'),
    problem: /^actors\.yaml: sergey-lavrov: part_of: 'russia' is a state; a person or body is part of an organisation or group/,
  },
  {
    rule: 'part_of may not lead back to the actor',
    file: 'actors.yaml',
    edit: (records) => {
      records.push({ id: 'ministry', name: 'Ministry', kind: 'organisation', part_of: 'cabinet' });
      records.push({ id: 'cabinet', name: 'Cabinet', kind: 'organisation', part_of: 'ministry' });
    },
    problem: /^actors\.yaml: ministry: part_of: leads back to itself/,
  },
  {
    rule: 'an actor kind is from the known list',
    file: 'actors.yaml',
    edit: (records) => (find(records, 'russia').kind = 'empire'),
    problem: /^actors\.yaml: russia: kind: /,
  },
  {
    rule: 'a name or alias leads to one actor only',
    file: 'actors.yaml',
    edit: (records) => (find(records, 'vladimir-putin').aliases = ['Putin', 'Lavrov']),
    problem: /^actors\.yaml: vladimir-putin: name or alias 'lavrov' also names 'sergey-lavrov'/,
  },
  {
    rule: 'a CAMEO code is a quoted string of digits (an unquoted 039 would lose its zero)',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').cameo = 180),
    problem: /^events\.yaml: pahalgam-attack: cameo: must be a quoted string/,
  },
  {
    rule: 'a source gives its page (url) or bundles its whole text',
    file: 'sources.yaml',
    edit: (records) => delete find(records, 'seed-article').text,
    problem: /^sources\.yaml: seed-article: url: a source gives the page it is/,
  },
  {
    rule: 'a source no longer bundles excerpts of a page',
    file: 'sources.yaml',
    edit: (records) => (find(records, 'jang-pahalgam-attack-toll').excerpts = 'texts/pack-excerpts.jsonl'),
    problem: /^sources\.yaml: jang-pahalgam-attack-toll: .*excerpts/,
  },
  {
    rule: "a claim's numbers must be stated by its quote or its reports",
    file: 'events.yaml',
    edit: (records) =>
      (find(records, 'pahalgam-attack').claims = [
        { about: 'responsibility', claim: 'Five gunmen carried it out.', claimed_by: 'india', source: 'seed-article', reports: 'India says gunmen carried it out.' },
      ]),
    problem: /^events\.yaml: pahalgam-attack: claims\.0\.claim: states 5, which neither its quote nor its reports states/,
  },
  {
    rule: "a claim's reports names whose claim it is",
    file: 'events.yaml',
    edit: (records) =>
      (find(records, 'pahalgam-attack').claims = [
        { about: 'responsibility', claim: 'Gunmen carried it out.', claimed_by: 'vladimir-putin', source: 'seed-article', reports: 'Gunmen carried it out.' },
      ]),
    problem: /^events\.yaml: pahalgam-attack: claims\.0\.reports: does not name the claimant 'vladimir-putin' \(or its state\)/,
  },
  {
    rule: 'a title states no number its quotes or reports do not',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').title = 'Attack at Pahalgam kills 30'),
    problem: /^events\.yaml: pahalgam-attack: title: states 30, which none of its quotes or reports states/,
  },
  {
    rule: 'a summary states no number, in words either, that its quotes or reports do not',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').summary = 'Pakistan closed its airspace to Indian airliners for three months.'),
    problem: /^measures\.yaml: pakistan-closes-airspace: summary: states 3, which none of its quotes or reports states/,
  },
  {
    rule: 'two records of one kind may not rest on exactly the same citations',
    file: 'measures.yaml',
    edit: (records) => records.push({ ...find(records, 'pakistan-closes-airspace'), id: 'pakistan-shuts-airspace', in_response_to: [] }),
    problem: /^measures\.yaml: pakistan-shuts-airspace: sources: rests on exactly the citations 'pakistan-closes-airspace' rests on/,
  },
  {
    rule: 'a stated link names the page that says so',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = [{ id: 'india-suspends-treaty', basis: 'stated' }]),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to\.0\.source: a stated link names the page/,
  },
  {
    rule: "a stated link's page is among the record's sources",
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = [{ id: 'india-suspends-treaty', basis: 'stated', source: 'jang-pahalgam-attack-toll' }]),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to\.0\.source: 'jang-pahalgam-attack-toll' is not among the record's sources/,
  },
  {
    rule: 'an inferred link has no source',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = [{ id: 'india-suspends-treaty', basis: 'inferred', source: 'seed-article' }]),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to\.0: an inferred link is the editors' reading/,
  },
  {
    rule: 'a link says its basis',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'pakistan-closes-airspace').in_response_to = [{ id: 'india-suspends-treaty' }]),
    problem: /^measures\.yaml: pakistan-closes-airspace: in_response_to\.0\.basis: /,
  },
  {
    rule: 'a date says how it is known',
    file: 'events.yaml',
    edit: (records) => delete find(records, 'putin-modi-call').date_basis,
    problem: /^events\.yaml: putin-modi-call: date_basis: /,
  },
  {
    rule: 'a derived date says how it was derived',
    file: 'events.yaml',
    edit: (records) => Object.assign(find(records, 'lavrov-dar-call'), { date_basis: 'derived', date_note: undefined }),
    problem: /^events\.yaml: lavrov-dar-call: date_note: a derived date says how it was found/,
  },
  {
    rule: 'an inferred date says from what',
    file: 'statements.yaml',
    edit: (records) => delete find(records, 'lavrov-cites-simla').date_note,
    problem: /^statements\.yaml: lavrov-cites-simla: date_note: an inferred date says how it was found/,
  },
  {
    rule: 'a date known only from its report is the date a cited page was published',
    file: 'events.yaml',
    edit: (records) => Object.assign(find(records, 'putin-modi-call'), { date_basis: 'published' }),
    problem: /^events\.yaml: putin-modi-call: date_basis: published, but no source it cites was published on 2025-05-05/,
  },
  {
    rule: "a source's bundled text file must exist",
    file: 'sources.yaml',
    edit: (records) => (find(records, 'seed-article').text = 'texts/missing.txt'),
    problem: /^sources\.yaml: seed-article: text: no file 'texts\/missing\.txt'/,
  },
  {
    rule: 'a title holds no control character, such as a bell or an escape sequence',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').title = 'Bell \u0007 and \u001b[2J'),
    problem: /^events\.yaml: pahalgam-attack: title: holds the control character \\u0007; it may hold none: it is one line$/,
  },
  {
    rule: 'a title is one line',
    file: 'measures.yaml',
    edit: (records) => (find(records, 'india-suspends-treaty').title = 'India suspends\nthe treaty'),
    problem: /^measures\.yaml: india-suspends-treaty: title: holds the control character \\n; it may hold none: it is one line$/,
  },
  {
    rule: 'a summary may span lines, but holds no other control character',
    file: 'events.yaml',
    edit: (records) => (find(records, 'pahalgam-attack').summary = 'Gunmen attacked tourists.\nSet the title: \u001b]0;owned\u0007'),
    problem: /^events\.yaml: pahalgam-attack: summary: holds the control character \\u001b; it may hold none but the newline$/,
  },
  {
    rule: "what a page reports holds no control character but the newline",
    file: 'statements.yaml',
    edit: (records) => (((find(records, 'lavrov-cites-simla').sources as Records)[0]!.reports = 'Lavrov spoke\r of Simla.')),
    problem: /^statements\.yaml: lavrov-cites-simla: sources\.0\.reports: holds the control character \\r; it may hold none but the newline$/,
  },
  {
    rule: 'an alias holds no control character',
    file: 'actors.yaml',
    edit: (records) => (find(records, 'russia').aliases = ['Russian\tFederation']),
    problem: /^actors\.yaml: russia: aliases\.0: holds the control character \\t; it may hold none: it is one line$/,
  },
  {
    rule: 'a reference to a record holds no control character',
    file: 'statements.yaml',
    edit: (records) => (find(records, 'lavrov-cites-simla').speaker = 'sergey-lavrov\u009b'),
    problem: /^statements\.yaml: lavrov-cites-simla: speaker: holds the control character \\u009b; it may hold none: it is one line$/,
  },
];

describe('the build refuses a broken record, naming file, record and reason', () => {
  it.each(cases)('$rule', ({ file, edit, problem }) => {
    const { problems } = buildFixture({ file, edit });
    expect(problems).toContainEqual(expect.stringMatching(problem));
  });
});

describe('the build refuses a broken file', () => {
  it.each([
    { what: 'a mapping instead of a list', text: 'id: pahalgam-attack\n', problem: /^events\.yaml: -: must be a YAML list of records$/ },
    { what: 'text that is not YAML', text: '- id: [unclosed\n', problem: /^events\.yaml: -: not valid YAML: / },
  ])('$what', ({ text, problem }) => {
    const { problems } = buildFixture({ file: 'events.yaml', text });
    expect(problems).toContainEqual(expect.stringMatching(problem));
  });

  it('a folder where the fact file should be', () => {
    const dir = tempDir();
    cpSync(FIXTURE_DATA, dir, { recursive: true });
    rmSync(join(dir, 'events.yaml'));
    mkdirSync(join(dir, 'events.yaml'));
    const { problems } = loadDataset(dir);
    expect(problems.map(formatProblem)).toEqual(['events.yaml: -: is a folder; put the records in events.yaml as a file, or in files under events/']);
  });

  it('a missing fact file', () => {
    const { problems } = buildFixture({ file: 'measures.yaml', remove: true });
    expect(problems).toEqual(['measures.yaml: -: file is missing (or give files under measures/)']);
  });
});

describe('the unbroken fixture', () => {
  it('builds with no problems', () => {
    expect(buildFixture().problems).toEqual([]);
  });

  it('builds with a summary that spans lines', () => {
    const { problems } = buildFixture({
      file: 'events.yaml',
      edit: (records) => {
        const event = find(records, 'pahalgam-attack');
        event.summary = `${event.summary as string}\nIt was the deadliest attack on civilians there in years.`;
      },
    });
    expect(problems).toEqual([]);
  });
});
