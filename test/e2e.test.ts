import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DB, bundledRelease, fixtureDatabase, ROOT, runBinary, tempDir, versionOutput } from './helpers.js';

/** The built binary, run as a user's shell runs it, against the bundled database. */
describe('the crisis binary', () => {
  it('answers the main job: crisis events --actor russia', () => {
    const result = runBinary(['events', '--actor', 'russia']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id\tdate\ttype\ttitle\tactors\tactors_ids');
    // What the database itself holds: every event in which Russia, or a person or body of Russia's, takes part in a
    // role its actors show (not as a figure's claimant), in date order.
    const db = new Database(BUNDLED_DB, { readonly: true });
    const russian = db
      .prepare(
        `SELECT DISTINCT e.id FROM events e JOIN involvements i ON i.record_id = e.id JOIN actor_family f ON f.member = i.actor_id
         WHERE f.root = 'russia' AND i.role IN ('initiator', 'target', 'participant', 'mediator') ORDER BY e.date_end, e.date_start DESC, e.id`,
      )
      .pluck()
      .all();
    db.close();
    expect(russian).toContain('putin-modi-call');
    expect(lines.slice(1).map((line) => line.split('\t')[0])).toEqual(russian);
  });

  it("answers who spoke for Russia: --speaker leaves out Pakistan's ambassador appealing to Russia, which --actor keeps", () => {
    const ids = (args: string[]) => runBinary(['statements', ...args, '--fields', 'id']).stdout.trimEnd().split('\n').slice(1);
    const spoke = ids(['--speaker', 'russia']);
    expect(spoke).toContain('putin-condemns-attack');
    expect(spoke).not.toContain('jamali-appeals-to-russia');
    expect(ids(['--actor', 'russia'])).toContain('jamali-appeals-to-russia');
  });

  it("prints the version package.json gives, which the bundle has written in, and the bundled data's release", () => {
    const result = runBinary(['--version']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(versionOutput(bundledRelease()));
  });

  it('prints the release of the database --db names, wherever --db stands, and nothing on stdout when the database fails', () => {
    const fixture = fixtureDatabase();
    for (const argv of [['--db', fixture, '--version'], ['--version', '--db', fixture], [`--db=${fixture}`, '-V']]) {
      expect(runBinary(argv).stdout, argv.join(' ')).toMatch(versionOutput());
    }
    const missing = runBinary(['--version', '--db', join(tempDir(), 'missing.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^crisis: cannot open database '.*missing\.db': no such file\n$/);
  });

  it.each([
    ['events', '--actor', 'russia', '--json'],
    ['show', 'pahalgam-attack'],
    ['events', '--since', '2025-13'],
  ])('prints under npm run dev, from the sources, what the binary prints: %j', (...argv) => {
    const dev = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dev.mjs'), ...argv], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect({ code: dev.status, stdout: dev.stdout, stderr: dev.stderr }).toEqual(runBinary(argv));
  });

  it('names the sources in a stack trace under npm run dev', () => {
    // A database that breaks a query in a way no check foresaw is blamed for it, and CRISIS_DEBUG shows where it broke.
    const db = join(tempDir(), 'crisis.db');
    copyFileSync(BUNDLED_DB, db);
    new Database(db).exec("UPDATE actors SET aliases = 'not json'").close();
    const dev = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dev.mjs'), '--db', db, 'actors'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CRISIS_DEBUG: '1' } });
    expect(dev.status).toBe(1);
    expect(dev.stderr).toMatch(/at \w+ \(.*src\/queries\/actors\.ts:\d+:\d+\)/);
  });

  it('prints JSON for scripts', () => {
    const result = runBinary(['statements', '--actor', 'putin', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { quote: string | null }[];
    expect(rows.map((row) => row.quote)).toContain('strongly condemned the terror attack in Pahalgam, India');
  });

  it('shows one record with its quotes', () => {
    const result = runBinary(['show', 'pahalgam-attack']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('“the Pahalgam terror attack, which killed 26 people, most of them tourists”');
  });

  it('searches whatever is typed, apostrophes and all', () => {
    const result = runBinary(['search', "Russia's", 'Pahalgam', '(U.S.)', 'AND', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    expect(runBinary(['search', 'Pahalgam', '--fields', 'id']).stdout).toMatch(/^id\n(.+\n)*pahalgam-attack\n/);
  });

  it('puts the attack in the timeline of its day', () => {
    const result = runBinary(['timeline', '--since', '2025-04-22', '--until', '2025-04-22', '--fields', 'id,kind,date']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('pahalgam-attack\tevent\t2025-04-22\n');
  });

  it.each([
    { env: { FORCE_COLOR: '1' }, coloured: true },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, coloured: false },
    { env: {}, coloured: false },
  ])('reads the colour settings from the real environment: $env', ({ env, coloured }) => {
    const result = runBinary(['agreements', '--format', 'table'], env);
    expect(result.code).toBe(0);
    expect(result.stdout.includes('\u001b[')).toBe(coloured);
  });

  it('prints a bash completion script that bash can parse', () => {
    const script = runBinary(['completion', 'bash']);
    expect(script.code).toBe(0);
    const parse = spawnSync('bash', ['-n'], { input: script.stdout, encoding: 'utf8' });
    expect(parse.stderr).toBe('');
    expect(parse.status).toBe(0);
  });

  it.each([
    { args: ['events', '--actor', 'narnia'], code: 2 },
    { args: ['search', '--raw', 'attack AND ('], code: 2 },
    { args: ['events', '--sort', 'nope'], code: 2 },
    { args: ['events', '--since', '2025-02-30'], code: 2 },
    { args: ['nonsense'], code: 2 },
    { args: ['show', 'no-such-record'], code: 3 },
    { args: ['--db', '/nonexistent.db', 'events'], code: 1 },
  ])('$args exits $code with one line on stderr and no stack trace', ({ args, code }) => {
    const result = runBinary(args);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^crisis: [^\n]+\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['events --json | true'],
    ['show pahalgam-attack | true'],
    ['sources --format csv | head -c 1 > /dev/null'],
    ['timeline --json | head -c 1 > /dev/null'],
  ])('ends quietly with status 0 when the reader goes away: crisis %s', (pipeline) => {
    const script = `node ${join(ROOT, 'bin', 'crisis.js')} ${pipeline}; echo "status=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('status=0\n');
  });

  it('opens the bundled database read-only', () => {
    const check = `
      import { openDatabase, BUNDLED_DB } from './dist/db/open.js';
      const db = openDatabase(BUNDLED_DB);
      try { db.exec('DELETE FROM events'); console.log('written'); } catch (e) { console.log(e.code); }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', check], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('SQLITE_READONLY');
  });
});
