import { strict as assert } from 'node:assert';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { selectionRanges } from '../../server/src/service/selectionRanges';
import { ctxOf, cursor, everyPosition, examplePlan, textAt } from './helpersA';

/** The texts of a selection-range chain, innermost first. */
function chain(text: string, position: Position): string[] {
  const [range] = selectionRanges(ctxOf(text), [position]);
  const out: string[] = [];
  for (let s: SelectionRange | undefined = range; s; s = s.parent) out.push(textAt(text, s.range));
  return out;
}

function at(snippet: string): string[] {
  const c = cursor(snippet);
  return chain(c.text, c.position);
}

const contains = (outer: Range, inner: Range) => {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
};
const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

const PLAN = `project p { start 2027-01-04 }
task g "Group" {
  owner r
  task a {
    after design + 2d, kick|off
    duration 1d
  }
}`;

describe('service: selection ranges', () => {
  it('word → dependency list → property → body → block → parent body → parent block → document', () => {
    const text = PLAN.replace('|', '');
    assert.deepEqual(at(PLAN), [
      'kickoff',
      'design + 2d, kickoff',
      'after design + 2d, kickoff',
      'after design + 2d, kickoff\n    duration 1d',
      'task a {\n    after design + 2d, kickoff\n    duration 1d\n  }',
      'owner r\n  task a {\n    after design + 2d, kickoff\n    duration 1d\n  }',
      text.slice(text.indexOf('task g')),
      text,
    ]);
  });

  it('a lag: its duration, the dependency with its lag', () => {
    const chainTexts = at(PLAN.replace('|', '').replace('+ 2d', '+ 2|d'));
    assert.deepEqual(chainTexts.slice(0, 4), ['2d', '+ 2d', 'design + 2d', 'design + 2d, kickoff']);
  });

  it('an assignment with its allocation, a rate with its amount', () => {
    // The body equals the property here, so it is not repeated.
    assert.deepEqual(at('project p { start 2027-01-04 }\ntask t { assign bob, al|ice 50% }').slice(0, 5), [
      'alice', 'alice 50%', 'bob, alice 50%', 'assign bob, alice 50%', 'task t { assign bob, alice 50% }',
    ]);
    assert.deepEqual(at('resource r { rate 95 E|UR/h }').slice(0, 4), ['EUR', '95 EUR', '95 EUR/h', 'rate 95 EUR/h']);
  });

  it('a date range and a waiver list', () => {
    assert.deepEqual(at('calendar c { holiday 2027-12-24..2027-12-3|1 "Closure" }').slice(0, 3), [
      '2027-12-31', '2027-12-24..2027-12-31', 'holiday 2027-12-24..2027-12-31 "Closure"',
    ]);
    assert.deepEqual(at('project p { start 2027-01-04  waive r1 on a, |b "why" }').slice(0, 3), ['b', 'a, b', 'waive r1 on a, b "why"']);
  });

  it('keywords, names and blanks', () => {
    assert.deepEqual(at('project p { start 2027-01-04 }\ntask t "Na|me" { duration 1d }'), [
      '"Name"', 'task t "Name" { duration 1d }', 'project p { start 2027-01-04 }\ntask t "Name" { duration 1d }',
    ]);
    assert.deepEqual(at('task t {\n  dur|ation 1d\n}').slice(0, 3), ['duration', 'duration 1d', 'task t {\n  duration 1d\n}']);
    assert.deepEqual(at('task t {\n  duration 1d\n|\n  owner r\n}').slice(0, 2), ['duration 1d\n\n  owner r', 'task t {\n  duration 1d\n\n  owner r\n}']);
    assert.deepEqual(at('|'), ['']);
  });

  it('answers each position of a request in order', () => {
    const text = PLAN.replace('|', '');
    const ranges = selectionRanges(ctxOf(text), [{ line: 0, character: 0 }, { line: 2, character: 9 }]);
    assert.equal(ranges.length, 2);
    assert.equal(textAt(text, ranges[0].range), 'project');
    assert.equal(textAt(text, ranges[1].range), 'r');
  });

  it('the example plan (smoke): every range strictly contains the one before, up to the document', () => {
    const text = examplePlan();
    const ctx = ctxOf(text);
    const positions = [...everyPosition(text, 3)];
    const ranges = selectionRanges(ctx, positions);
    assert.equal(ranges.length, positions.length);
    const whole = ctx.analysis.lines.range({ start: 0, end: text.length });
    for (const range of ranges) {
      let s: SelectionRange = range;
      while (s.parent) {
        assert.ok(contains(s.parent.range, s.range) && !same(s.parent.range, s.range));
        s = s.parent;
      }
      assert.ok(same(s.range, whole));
    }
  });
});
