import { strict as assert } from 'node:assert';
import { semanticTokens, semanticTokensLegend } from '../../server/src/service/semanticTokens';
import { ctxOf, examplePlan } from './helpersA';

interface Decoded { line: number; character: number; length: number; text: string; type: string; modifiers: string[] }

/** Decodes LSP's relative encoding back to absolute tokens with their text. */
function decode(text: string, data: number[]): Decoded[] {
  assert.equal(data.length % 5, 0);
  const lines = text.split('\n');
  const out: Decoded[] = [];
  let line = 0, character = 0;
  for (let k = 0; k < data.length; k += 5) {
    const [dl, dc, length, type, mods] = data.slice(k, k + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const modifiers = semanticTokensLegend.tokenModifiers.filter((_, i) => mods & (1 << i));
    out.push({ line, character, length, text: lines[line].slice(character, character + length), type: semanticTokensLegend.tokenTypes[type], modifiers });
  }
  return out;
}

function tokens(text: string): Decoded[] {
  return decode(text, semanticTokens(ctxOf(text)).data);
}

/** `text:type[.modifier…]` for compact assertions. */
const brief = (list: Decoded[]) => list.map((t) => `${t.text}:${[t.type, ...t.modifiers].join('.')}`);

describe('service: semantic tokens', () => {
  it('uses a standard legend', () => {
    assert.deepEqual(semanticTokensLegend.tokenTypes, [
      'namespace', 'type', 'class', 'function', 'event', 'variable', 'property', 'keyword', 'number', 'string', 'comment',
      'operator', 'enumMember', 'decorator',
    ]);
    assert.deepEqual(semanticTokensLegend.tokenModifiers, ['declaration', 'readonly', 'deprecated']);
  });

  it('classifies declarations, references by what they resolve to, keywords and values', () => {
    const text = `project web "Web" { start 2027-01-04  currency EUR  calendar office  waive rule-x on build "ok" }
calendar office { workdays mon-fri, sat  holiday 2027-12-24..2027-12-31 }
resource alice "Alice" { rate 95 EUR/h  capacity 50% }
milestone kickoff { on 2027-01-04 }
task build {
  after start of kickoff + 2d, ghost
  not before 2027-01-05
  effort 4h
  assign alice 50%
  cost 1_000 EUR "Licence"
  quality "Q" by alice
}`;
    assert.deepEqual(brief(tokens(text)), [
      'project:keyword', 'web:namespace.declaration', '"Web":string', 'start:property', '2027-01-04:number',
      'currency:property', 'EUR:enumMember', 'calendar:property', 'office:type', 'waive:property', 'rule-x:decorator',
      'on:keyword', 'build:function', '"ok":string',
      'calendar:keyword', 'office:type.declaration', 'workdays:property', 'mon-fri:enumMember', 'sat:enumMember',
      'holiday:property', '2027-12-24:number', '..:operator', '2027-12-31:number',
      'resource:keyword', 'alice:class.declaration', '"Alice":string', 'rate:property', '95:number', 'EUR:enumMember',
      '/:operator', 'h:keyword', 'capacity:property', '50%:number',
      'milestone:keyword', 'kickoff:event.declaration.readonly', 'on:property', '2027-01-04:number',
      'task:keyword', 'build:function.declaration',
      'after:property', 'start:keyword', 'of:keyword', 'kickoff:event.readonly', '+:operator', '2d:number', 'ghost:variable',
      'not:property', 'before:property', '2027-01-05:number',
      'effort:property', '4h:number',
      'assign:property', 'alice:class', '50%:number',
      'cost:property', '1_000:number', 'EUR:enumMember', '"Licence":string',
      'quality:property', '"Q":string', 'by:keyword', 'alice:class',
    ]);
  });

  it('positions are exact and relative to the previous token', () => {
    const text = 'project p {\n  start 2027-01-04\n}\ntask a { duration 1d }';
    const data = semanticTokens(ctxOf(text)).data;
    assert.deepEqual(data, [
      0, 0, 7, 7, 0,   // project
      0, 8, 1, 0, 1,   // p (namespace, declaration)
      1, 2, 5, 6, 0,   // start
      0, 6, 10, 8, 0,  // 2027-01-04
      2, 0, 4, 7, 0,   // task
      0, 5, 1, 3, 1,   // a (function, declaration)
      0, 4, 8, 6, 0,   // duration
      0, 9, 2, 8, 0,   // 1d
    ]);
  });

  it('ids that are keywords, wrong-kind references and duplicate declarations', () => {
    const text = `project p { start 2027-01-04 }
task effort { duration 1d }
task b { after effort  assign effort }
task effort { duration 1d }`;
    assert.deepEqual(brief(tokens(text)).slice(4), [
      'task:keyword', 'effort:function.declaration', 'duration:property', '1d:number',
      'task:keyword', 'b:function.declaration', 'after:property', 'effort:function', 'assign:property', 'effort:variable',
      'task:keyword', 'effort:function.declaration.deprecated', 'duration:property', '1d:number',
    ]);
  });

  it('comments, split per line; tokens never span lines', () => {
    const text = '/* one\r\n   two\n\n*/ project p { start 2027-01-04 } // end\n// last';
    assert.deepEqual(tokens(text).map((t) => `${t.line}:${t.character} ${JSON.stringify(t.text)}:${t.type}`), [
      '0:0 "/* one":comment',
      '1:0 "   two":comment',
      '3:0 "*/":comment',
      '3:3 "project":keyword',
      '3:11 "p":namespace',
      '3:15 "start":property',
      '3:21 "2027-01-04":number',
      '3:34 "// end":comment',
      '4:0 "// last":comment',
    ]);
  });

  it('counts UTF-16 code units', () => {
    const text = 'project p "Café 🚀" { start 2027-01-04 }';
    const t = tokens(text);
    assert.equal(t[2].text, '"Café 🚀"');
    assert.equal(t[2].length, 9);
    assert.equal(t[3].character, 22);
  });

  it('survives broken and empty text', () => {
    assert.deepEqual(semanticTokens(ctxOf('')).data, []);
    const broken = 'project p { start 2027-01-04 \ntask a { after , ; "unterminated\n§§ } } }';
    for (const t of tokens(broken)) assert.ok(t.length > 0 && !t.text.includes('\n'));
  });

  it('the example plan (smoke): sorted, non-overlapping, single-line tokens; every id classified', () => {
    const text = examplePlan();
    const list = tokens(text);
    const lines = text.split('\n');
    for (let k = 0; k < list.length; k++) {
      const t = list[k];
      assert.ok(t.length > 0 && t.character + t.length <= lines[t.line].length, `token ${k}`);
      if (k > 0) {
        const p = list[k - 1];
        assert.ok(t.line > p.line || (t.line === p.line && t.character >= p.character + p.length), `overlap at token ${k}`);
      }
    }
    const ids = list.filter((t) => ['namespace', 'type', 'class', 'function', 'event'].includes(t.type));
    assert.equal(ids.filter((t) => t.modifiers.includes('declaration')).length, 1 + 1 + 10 + 55 + 8);
    assert.equal(list.filter((t) => t.type === 'variable').length, 0);
    assert.ok(list.some((t) => t.text === 'cutover' && t.type === 'function' && t.modifiers.includes('readonly')));
    // The header block comment, one token per line (10 lines), and 18 line comments.
    assert.equal(list.filter((t) => t.type === 'comment').length, 10 + 18);
  });
});
