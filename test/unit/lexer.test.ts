// Lexical rules of LANGUAGE.md: comments, identifiers, keywords reserved only where expected,
// strings and their escapes, dates, durations, percents, amounts, garbage.
import { strict as assert } from 'node:assert';
import { tokenize, decodeString, type LanguageKind } from '../../server/src/language/lexer';
import { analyze, diagnosticsOf, expectCodes, plan, scheduleOf, describe_, expectRange, only } from './helpers';

/** `Type:image` of each token. */
function toks(text: string, language: LanguageKind = 'plan'): string[] {
  return tokenize(text, language).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  describe('tokens', () => {
    it('reads a dependency with start-to-start and a fractional lead', () => {
      assert.deepEqual(toks('after start of design - 1.5d'), [
        'Kw_after:after', 'Kw_start:start', 'Kw_of:of', 'Identifier:design', 'Minus:-', 'DurationLiteral:1.5d',
      ]);
    });

    it('reads every duration unit', () => {
      assert.deepEqual(toks('4h 3d 2w 1mo 0.5w'), [
        'DurationLiteral:4h', 'DurationLiteral:3d', 'DurationLiteral:2w', 'DurationLiteral:1mo', 'DurationLiteral:0.5w',
      ]);
    });

    it('reads amounts with group separators and a currency code', () => {
      assert.deepEqual(toks('budget 12_500 EUR'), ['Kw_budget:budget', 'NumberLiteral:12_500', 'Identifier:EUR']);
    });

    it('reads a rate per hour as amount, slash and unit', () => {
      assert.deepEqual(toks('rate 95 EUR/h'), ['Kw_rate:rate', 'NumberLiteral:95', 'Identifier:EUR', 'Slash:/', 'Identifier:h']);
    });

    it('reads percents, including fractional ones', () => {
      assert.deepEqual(toks('50% 12.5%'), ['PercentLiteral:50%', 'PercentLiteral:12.5%']);
    });

    it('reads a date range as date, .., date', () => {
      assert.deepEqual(toks('2027-12-24..2027-12-31'), ['DateLiteral:2027-12-24', 'DotDot:..', 'DateLiteral:2027-12-31']);
    });

    it('keeps hyphens and underscores inside identifiers', () => {
      assert.deepEqual(toks('go-live _x1 qa_2 Phase3 design-2d'), [
        'Identifier:go-live', 'Identifier:_x1', 'Identifier:qa_2', 'Identifier:Phase3', 'Identifier:design-2d',
      ]);
    });

    it('records token offsets', () => {
      const t = tokenize('task  a {', 'plan').tokens;
      assert.deepEqual(t.map((x) => x.startOffset), [0, 6, 8]);
    });

    it('treats plan keywords as plain words in policy files and vice versa', () => {
      assert.deepEqual(toks('task rule', 'plan'), ['Kw_task:task', 'Identifier:rule']);
      assert.deepEqual(toks('task rule', 'policy'), ['Identifier:task', 'Kw_rule:rule']);
    });
  });

  describe('comments', () => {
    it('skips line and block comments, keeping them in the comments group', () => {
      const r = tokenize('task /* a\nblock */ a // rest of line\n{', 'plan');
      assert.deepEqual(r.tokens.map((t) => t.image), ['task', 'a', '{']);
      assert.equal(r.comments.length, 2);
      assert.equal(r.errors.length, 0);
    });

    it('does not read // inside a string as a comment', () => {
      assert.deepEqual(toks('"http://x" y'), ['StringLiteral:"http://x"', 'Identifier:y']);
    });

    it('a plan full of comments analyses like the same plan without them', () => {
      const text = plan`
        /* header
           over lines */
        task a { duration 2d } // two days
        task b { /* inline */ after a duration 1d }
      `;
      expectCodes(text, []);
      assert.equal(scheduleOf(text).b!.start, '2027-01-06');
    });

    it('an unterminated block comment is a syntax error at its opening', () => {
      const text = plan`
        task a { duration 1d }
        /* never closed
        task b { duration 1d }`;
      const d = only(text, 'syntax');
      assert.equal(d.line, 2);
      assert.equal(d.character, text.split('\n')[2]!.indexOf('/*'));
    });
  });

  describe('keywords are reserved only where a keyword is expected', () => {
    it('a task may be called effort, and be referenced', () => {
      const text = plan`
        task effort { duration 2d }
        task b { after effort  duration 1d }
      `;
      expectCodes(text, []);
      const s = scheduleOf(text);
      assert.equal(s.effort!.end, '2027-01-05');
      assert.equal(s.b!.start, '2027-01-06');
    });

    it('a resource may be called status and be assigned and own tasks', () => {
      const text = plan`
        resource status "S" { rate 100/d }
        task t { duration 1d  assign status  owner status }
      `;
      expectCodes(text, []);
      assert.equal(scheduleOf(text).t!.cost, 100);
    });

    it('a milestone may be called after, task or start', () => {
      const text = plan`
        milestone after { on 2027-01-05 }
        milestone task { after after }
        task start { after task  duration 1d }
      `;
      expectCodes(text, []);
      const s = scheduleOf(text);
      assert.equal(s.task!.start, '2027-01-05');
      assert.equal(s.start!.start, '2027-01-05');
    });
    it('a task called start may be referenced, also start-to-start', () => {
      const text = plan`
        task start { duration 2d }
        task b { after start  duration 1d }
        task c { after start of start  duration 1d }
      `;
      expectCodes(text, []);
      const s = scheduleOf(text);
      assert.equal(s.b!.start, '2027-01-06');
      assert.equal(s.c!.start, '2027-01-04');
    });

    it('tasks called not and of, and a resource called by, work in their places', () => {
      const text = plan`
        resource by { rate 1/d }
        task not { duration 2d }
        task of { duration 1d }
        task b { after not, start of of  duration 1d  quality "x" by by  assign by }
      `;
      expectCodes(text, []);
      assert.equal(scheduleOf(text).b!.start, '2027-01-06');
    });

    it('a hyphen belongs to the name: after design-2d names a task design-2d', () => {
      const text = plan`
        task design { duration 2d }
        task b { after design-2d  duration 1d }
      `;
      const d = only(text, 'unknown-reference');
      expectRange(d, text, 'design-2d');
    });
  });

  describe('strings', () => {
    it('decodes the escapes \\" \\\\ \\n \\t', () => {
      assert.deepEqual(decodeString(String.raw`"a\"b\\c\nd\te"`), { value: 'a"b\\c\nd\te' });
    });

    it('decodes \\u{XXXX} escapes, including astral code points', () => {
      assert.equal(decodeString(String.raw`"Caf\u{E9}"`).value, 'Café');
      assert.equal(decodeString(String.raw`"\u{1F600}"`).value, '😀');
      assert.equal(decodeString(String.raw`"\u{1F600}"`).value.length, 2);
      assert.equal(decodeString(String.raw`"x\u{41}\u{0042}y"`).value, 'xABy');
    });

    it('carries a decoded name into the schedule report', () => {
      const s = scheduleOf(plan`task a "Launch \u{1F680} \"now\"" { duration 1d }`);
      assert.equal(s.a!.name, 'Launch 🚀 "now"');
    });

    it('leaves non-ASCII characters as they are', () => {
      const s = scheduleOf(plan`task a "Anna Krüger — 日本" { duration 1d }`);
      assert.equal(s.a!.name, 'Anna Krüger — 日本');
    });

    for (const bad of [String.raw`"\q"`, String.raw`"\u{110000}"`, String.raw`"\u{zz}"`, String.raw`"\u{}"`, String.raw`"\u00E9"`]) {
      it(`flags the bad escape in ${bad} when decoding`, () => {
        assert.notEqual(decodeString(bad).badEscape, undefined);
      });
    }

    it('a string with a bad escape is an error located on the string', () => {
      const text = plan`
        task a "bad \q escape" { duration 1d }
      `;
      const all = diagnosticsOf(text).filter((d) => d.severity === 'error');
      assert.equal(all.length, 1, `expected one error for the bad escape; actual:\n${describe_(diagnosticsOf(text))}`);
      assert.ok(['syntax', 'invalid-value'].includes(all[0]!.code), all[0]!.code);
      assert.equal(all[0]!.line, 1);
    });

    it('reads an unterminated string up to the end of the line only', () => {
      assert.deepEqual(toks('"abc\nx'), ['UnterminatedString:"abc', 'Identifier:x']);
    });

    it('an unterminated string is a syntax error on its line, and the next lines are still read', () => {
      const text = plan`
        task a "never closed { duration 1d }
        task b { duration 1d }
        task c { after nothing  duration 1d }
      `;
      const all = diagnosticsOf(text);
      const syntax = all.filter((d) => d.code === 'syntax');
      assert.ok(syntax.length >= 1, describe_(all));
      assert.equal(syntax[0]!.line, 1);
      assert.ok(syntax[0]!.message.includes('string'), syntax[0]!.message);
      assert.ok(all.some((d) => d.code === 'unknown-reference' && d.line === 3), describe_(all));
      assert.ok(scheduleOf(text).b, 'b is still read');
    });

    it('a raw line break inside a string is not allowed', () => {
      const text = plan`
        task a "line one
        line two" { duration 1d }
      `;
      assert.ok(diagnosticsOf(text).some((d) => d.code === 'syntax' && d.line === 1), describe_(diagnosticsOf(text)));
    });
  });

  describe('garbage', () => {
    it('coalesces consecutive bad characters into one lexer error', () => {
      const r = tokenize('a \x01\x02\x03 b', 'plan');
      assert.equal(r.errors.length, 1);
      assert.deepEqual({ offset: r.errors[0]!.offset, length: r.errors[0]!.length }, { offset: 2, length: 3 });
      assert.deepEqual(r.tokens.map((t) => t.image), ['a', 'b']);
    });

    it('reports separate runs of garbage separately', () => {
      const r = tokenize('a §§ b ## c', 'plan');
      assert.equal(r.errors.length, 2);
    });

    it('a long run of binary garbage in a plan gives a single located syntax error', () => {
      const junk = Array.from({ length: 500 }, (_, i) => String.fromCharCode(1 + (i % 7))).join('');
      const text = plan`
        task a { duration 1d }
        ${junk}
        task b { after a  duration 1d }
      `;
      const d = expectCodes(text, ['syntax@2'])[0]!;
      expectRange(d, text, junk);
      assert.equal(scheduleOf(text).b!.start, '2027-01-05');
    });

    it('a stray character inside a block is reported without losing the block', () => {
      const text = plan`
        task a { duration 1d # }
        task b { after a  duration 1d }
      `;
      const all = expectCodes(text, ['syntax@1']);
      expectRange(all[0]!, text, '#');
      assert.equal(scheduleOf(text).b!.start, '2027-01-05');
    });
  });

  describe('dates', () => {
    it('a date that does not exist is invalid-date, on the date', () => {
      const text = plan`
        task a { duration 1d  deadline 2027-02-30 }
      `;
      const d = only(text, 'invalid-date');
      expectRange(d, text, '2027-02-30');
      assert.equal(d.severity, 'error');
    });

    it('29 February exists only in leap years', () => {
      expectCodes(plan`
        task a { duration 1d  deadline 2028-02-29 }
      `, []);
      expectCodes(plan`
        task a { duration 1d  deadline 2027-02-29 }
      `, ['invalid-date@1']);
    });

    it('month 13 and day 00 are invalid dates', () => {
      expectCodes(plan`
        task a { duration 1d  deadline 2027-13-01 }
        task b { duration 1d  deadline 2027-01-00 }
      `, ['invalid-date@1', 'invalid-date@2']);
    });
  });

  it('analyses an empty text without throwing', () => {
    const a = analyze('');
    assert.ok(Array.isArray(a.diagnostics));
  });
});
