// Formatting (server/src/service/formatting.ts): one canonical layout, idempotent, every token and comment kept.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { format } from '../../server/src/service/formatting';
import { tokenize } from '../../server/src/language/lexer';
import { applyEdits, ctxOf } from './helpersB';

const TWO: FormattingOptions = { tabSize: 2, insertSpaces: true };

function fmt(text: string, options: FormattingOptions = TWO): string {
  return applyEdits(text, format(ctxOf(text), options));
}

/** Token and comment images in text order (a line comment without its trailing whitespace). */
function images(text: string): string[] {
  const { tokens, comments } = tokenize(text, 'plan');
  return [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset).map((t) => (t.image.startsWith('//') ? t.image.trimEnd() : t.image));
}

function expectFormat(input: string, expected: string, options: FormattingOptions = TWO): void {
  const once = fmt(input, options);
  assert.equal(once, expected);
  assert.deepEqual(format(ctxOf(once), options), [], 'formatting the result again changes nothing');
}

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'plans');

function wellFormedPlans(): { name: string; text: string }[] {
  const out = [{ name: 'examples/website-relaunch.plan', text: readFileSync(join(ROOT, 'examples', 'website-relaunch.plan'), 'utf8') }];
  for (const f of readdirSync(FIXTURES).sort()) {
    const text = readFileSync(join(FIXTURES, f), 'utf8');
    const analysis = ctxOf(text).analysis;
    if (analysis.document.syntaxErrors.length === 0 && !analysis.diagnostics.some((d) => d.code === 'syntax')) out.push({ name: f, text });
  }
  return out;
}

describe('formatting', () => {
  describe('the canonical layout', () => {
    it('one item per line, two-space indentation, single spaces, blank lines normalised', () => {
      expectFormat(
        'project   p "P"{start 2027-01-04\n     currency EUR}\n\n\n\ntask a "A" {duration 1d\nassign bob,alice 50%  after b + 2d\n\n\n\n    cost 1_000 "x"}\n' +
        'resource bob "Bob" {rate 95 EUR/h}\nresource alice {rate 1/d}\ntask b { duration 1d }',
        'project p "P" {\n  start 2027-01-04\n  currency EUR\n}\n\n' +
        'task a "A" {\n  duration 1d\n  assign bob, alice 50%\n  after b + 2d\n\n  cost 1_000 "x"\n}\n\n' +
        'resource bob   "Bob" { rate 95 EUR/h }\nresource alice       { rate 1/d }\ntask b { duration 1d }\n');
    });

    it('keeps a one-line block on one line (two spaces between properties) and aligns runs of them', () => {
      expectFormat(
        'project p { start 2027-01-04 }\nresource alice "Alice Kim" {rate 720/d capacity 100% leave 2027-02-15 .. 2027-02-19}\n' +
        'resource bob "Bob Ortiz" { rate 650/d }\nresource vendor "Agency" { rate 95/h capacity 300% } // a team\n\nresource carol { }\n',
        'project p { start 2027-01-04 }\nresource alice  "Alice Kim" { rate 720/d  capacity 100%  leave 2027-02-15..2027-02-19 }\n' +
        'resource bob    "Bob Ortiz" { rate 650/d }\nresource vendor "Agency"    { rate 95/h  capacity 300% }  // a team\n\nresource carol { }\n');
    });

    it('nested one-line tasks are aligned inside their group; a block with children is written out', () => {
      expectFormat(
        'project p { start 2027-01-04 }\ntask design "Design" { after kickoff\n task wireframes { effort 5d assign bob }\n task visual { after wireframes effort 8d assign bob, alice 50% } }\n' +
        'milestone kickoff { on 2027-01-04 }\nresource bob { rate 1/d }\nresource alice { rate 1/d }\n',
        'project p { start 2027-01-04 }\n\ntask design "Design" {\n  after kickoff\n' +
        '  task wireframes { effort 5d  assign bob }\n  task visual     { after wireframes  effort 8d  assign bob, alice 50% }\n}\n\n' +
        'milestone kickoff { on 2027-01-04 }\nresource bob   { rate 1/d }\nresource alice { rate 1/d }\n');
    });

    it('a multi-line block stands apart by one blank line at the top level; comments above a block stay with it', () => {
      expectFormat(
        'project p { start 2027-01-04 }\n// the design phase\ntask d {\n  duration 1d\n}\ntask e { duration 1d }\n\n\n// trailing section\n',
        'project p { start 2027-01-04 }\n\n// the design phase\ntask d {\n  duration 1d\n}\n\ntask e { duration 1d }\n\n// trailing section\n');
    });

    it('comments: trailing ones stay on their line (aligned in a run), own-line ones are indented, block comments kept', () => {
      expectFormat(
        '/* header\n   comment */\n\n\nproject p {   // on the header\n  // first\n\n\n' +
        '  start 2027-01-04 /* x */ // y\n      deadline   2027-06-30    // the deadline\n  currency EUR\n       status 2027-02-01 // status\n\n\n  // before close\n}\n// end',
        '/* header\n   comment */\n\nproject p {  // on the header\n  // first\n\n' +
        '  start 2027-01-04     /* x */ // y\n  deadline 2027-06-30  // the deadline\n  currency EUR\n  status 2027-02-01  // status\n\n  // before close\n}\n// end\n');
    });

    it('a line comment inside a property keeps the rest on a continuation line', () => {
      expectFormat(
        'project p { start 2027-01-04 }\ntask a {\nafter b, // why\nc\nduration 1d\n}\ntask b { duration 1d }\ntask c { duration 1d }\n',
        'project p { start 2027-01-04 }\n\ntask a {\n  after b,  // why\n    c\n  duration 1d\n}\n\ntask b { duration 1d }\ntask c { duration 1d }\n');
    });

    it('a comment inside a one-line block writes the block out', () => {
      expectFormat('project p { start 2027-01-04 /* inline */ }\n', 'project p {\n  start 2027-01-04  /* inline */\n}\n');
    });

    it('empty blocks, blocks without a body, workdays and periods', () => {
      expectFormat(
        'project p { start 2027-01-04  calendar c }\ncalendar c { workdays mon - wed , fri holiday 2027-12-24..2027-12-31 "Closed" }\n' +
        'task g {\ntask a {}\ntask bb { }\ntask c {\n}\nmilestone m\n}\n',
        'project p { start 2027-01-04  calendar c }\ncalendar c { workdays mon - wed, fri  holiday 2027-12-24..2027-12-31 "Closed" }\n\n' +
        'task g {\n  task a  { }\n  task bb { }\n  task c {\n  }\n  milestone m\n}\n');
    });

    it('follows the editor\'s options: four spaces, or tabs', () => {
      const text = 'project p { start 2027-01-04 }\ntask g {\ntask a {\nduration 1d\n}\n}\n';
      expectFormat(text, 'project p { start 2027-01-04 }\n\ntask g {\n    task a {\n        duration 1d\n    }\n}\n', { tabSize: 4, insertSpaces: true });
      expectFormat(text, 'project p { start 2027-01-04 }\n\ntask g {\n\ttask a {\n\t\tduration 1d\n\t}\n}\n', { tabSize: 4, insertSpaces: false });
    });

    it('keeps CRLF line endings and a byte-order mark', () => {
      expectFormat('\ufeffproject p { start 2027-01-04 }\r\ntask a {\r\n duration 1d }\r\n', '\ufeffproject p { start 2027-01-04 }\r\n\r\ntask a {\r\n  duration 1d\r\n}\r\n');
    });
  });

  describe('edits', () => {
    it('a formatted file gets no edit; otherwise one edit covering only what changes', () => {
      const formatted = 'project p { start 2027-01-04 }\n\ntask a {\n  duration 1d\n}\n';
      assert.deepEqual(format(ctxOf(formatted), TWO), []);
      const edits = format(ctxOf(formatted.replace('  duration', '      duration')), TWO);
      assert.deepEqual(edits, [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } }, newText: '' }]);
    });

    it('a file with syntax errors is not formatted', () => {
      assert.deepEqual(format(ctxOf('project p { start 2027-01-04 }\ntask a {   duration\n'), TWO), []);
      assert.deepEqual(format(ctxOf('project p { start 2027-01-04 }\ntask {   duration 1d }\n'), TWO), []);
      assert.deepEqual(format(ctxOf('project p { start 2027-01-04 }  /* open'), TWO), []);
      assert.deepEqual(format(ctxOf('project p {   start 2027-01-04 } @'), TWO), []);
    });

    it('an empty file and a file of comments', () => {
      assert.deepEqual(format(ctxOf(''), TWO), []);
      expectFormat('   // only a comment   \n\n\n/* and another */', '// only a comment\n\n/* and another */\n');
    });
  });

  describe('on real plans', () => {
    const plans = wellFormedPlans();

    it('covers the example and the fixture plans without syntax errors', () => {
      assert.ok(plans.length > 100, `${plans.length} plans`);
    });

    it('is idempotent and keeps every token and comment in order', () => {
      for (const { name, text } of plans) {
        const once = fmt(text);
        assert.deepEqual(images(once), images(text), `${name}: tokens and comments kept`);
        assert.deepEqual(format(ctxOf(once), TWO), [], `${name}: formatting twice changes nothing`);
        assert.ok(once.endsWith('\n') && !once.endsWith('\n\n'), `${name}: one final newline`);
        assert.ok(!/\n\n\n/.test(once), `${name}: no runs of blank lines`);
        assert.ok(!/[ \t]\n/.test(once), `${name}: no trailing whitespace`);
      }
    });

    it('does not change what the plan means: same diagnostics and schedule', () => {
      for (const { name, text } of plans) {
        const a = ctxOf(text).analysis, b = ctxOf(fmt(text)).analysis;
        assert.deepEqual(b.diagnostics.map((d) => `${d.code} ${d.message}`), a.diagnostics.map((d) => `${d.code} ${d.message}`), name);
        assert.deepEqual(Array.from(b.schedule.startPt), Array.from(a.schedule.startPt), name);
      }
    });

    it('formats the example with only the alignment of comments and of the resource table changed', () => {
      const text = plans[0].text;
      const once = fmt(text);
      const changed = text.split('\n').filter((l, i) => l !== once.split('\n')[i]);
      assert.equal(once.split('\n').length, text.split('\n').length);
      assert.equal(changed.length, 18);
      for (const line of changed) assert.match(line, /\/\/|^resource /);
      assert.match(once, /\nresource devs   "Frontend team \(three developers\)" \{ rate 85\/h  capacity 300% \}\n/);
      assert.match(once, /\n {4}after start of wireframes \+ 3d {2}\/\/ starts three working days into the wireframes\n/);
    });

    it('stays idempotent when the whitespace between tokens is scrambled', () => {
      let seed = 7;
      const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
      const spaces = [' ', ' ', '\n', '\n\n\n', '\t  ', '  \n '];
      let checked = 0;
      for (const { name, text } of plans.slice(0, 60)) {
        const { tokens, comments } = tokenize(text, 'plan');
        const els = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
        for (let round = 0; round < 5; round++) {
          let scrambled = '';
          els.forEach((e, i) => {
            if (i > 0) {
              let ws = spaces[Math.floor(random() * spaces.length)];
              if (els[i - 1].image.startsWith('//')) ws = '\n' + ws;
              scrambled += ws;
            }
            scrambled += e.image;
          });
          const once = fmt(scrambled);
          assert.deepEqual(images(once), images(text), `${name}: tokens kept`);
          assert.deepEqual(format(ctxOf(once), TWO), [], `${name} (round ${round}): idempotent`);
          checked++;
        }
      }
      assert.equal(checked, 300);
    });
  });
});
