import { strict as assert } from 'node:assert';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/service/folding';
import { ctxOf, examplePlan } from './helpersA';

const show = (ranges: FoldingRange[]) => ranges.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`);

describe('service: folding ranges', () => {
  it('block bodies from the line of `{` to the line before `}`, nested blocks too', () => {
    const text = [
      'project p {',           // 0
      '  start 2027-01-04',    // 1
      '}',                     // 2
      'task g "Group" {',      // 3
      '  task a {',            // 4
      '    duration 1d',       // 5
      '  }',                   // 6
      '  task b { duration 1d }', // 7
      '}',                     // 8
    ].join('\n');
    assert.deepEqual(show(foldingRanges(ctxOf(text))), ['0-1', '3-7', '4-5']);
  });

  it('a `{` on its own line and a `}` after the last property fold from the brace', () => {
    const text = 'project p\n{\n  start 2027-01-04\n  currency EUR }\n';
    assert.deepEqual(show(foldingRanges(ctxOf(text))), ['1-2']);
  });

  it('one-line blocks and empty bodies do not fold', () => {
    const text = 'project p { start 2027-01-04 }\ntask a {\n}\nresource r { rate 1/d }';
    assert.deepEqual(show(foldingRanges(ctxOf(text))), []);
  });

  it('an unclosed block folds to its last line', () => {
    const text = 'project p { start 2027-01-04 }\ntask a {\n  duration 1d\n  owner r\n';
    assert.deepEqual(show(foldingRanges(ctxOf(text))), ['1-3']);
  });

  it('block comments over several lines and runs of whole-line comments', () => {
    const text = [
      '/*',                              // 0
      ' * Header',                       // 1
      ' */',                             // 2
      '// one',                          // 3
      '// two',                          // 4
      '  // three',                      // 5
      'project p { start 2027-01-04 }',  // 6
      '// lonely',                       // 7
      '',                                // 8
      'task a { duration 1d } // trailing',  // 9
      'task b { duration 1d } // trailing',  // 10
      '/* one line */',                  // 11
    ].join('\n');
    assert.deepEqual(show(foldingRanges(ctxOf(text))), [`0-2 ${FoldingRangeKind.Comment}`, `3-5 ${FoldingRangeKind.Comment}`]);
  });

  it('a comment run stops at a block comment and at code', () => {
    const text = '// a\n// b\n/* c\n d */\n// e\n// f\nproject p { start 2027-01-04 }';
    assert.deepEqual(show(foldingRanges(ctxOf(text))), ['0-1 comment', '2-3 comment', '4-5 comment']);
  });

  it('#region markers', () => {
    const text = '// #region people\nresource a { }\nresource b { }\n// #endregion\nproject p { start 2027-01-04 }';
    assert.deepEqual(show(foldingRanges(ctxOf(text))), [`0-3 ${FoldingRangeKind.Region}`]);
  });

  it('CRLF line ends', () => {
    const text = 'project p {\r\n  start 2027-01-04\r\n}\r\n// x\r\n// y\r\n';
    assert.deepEqual(show(foldingRanges(ctxOf(text))), ['0-1', '3-4 comment']);
  });

  it('the example plan (smoke): every block with a body, the header comment', () => {
    const text = examplePlan();
    const ranges = foldingRanges(ctxOf(text));
    const lines = text.split('\n');
    const blocks = ranges.filter((f) => !f.kind);
    // Every multi-line block: project, calendar, milestones, groups and leaves written over several lines.
    assert.equal(blocks.length, lines.filter((l) => /\{\s*$/.test(l)).length);
    for (const f of blocks) {
      assert.ok(lines[f.startLine].trimEnd().endsWith('{'), `line ${f.startLine}`);
      assert.ok(lines[f.endLine + 1].trim().startsWith('}'), `line ${f.endLine + 1}`);
    }
    assert.deepEqual(show(ranges.filter((f) => f.kind === FoldingRangeKind.Comment)), ['0-9 comment']);
    // Sorted by start line.
    for (let k = 1; k < ranges.length; k++) assert.ok(ranges[k - 1].startLine <= ranges[k].startLine);
  });
});
