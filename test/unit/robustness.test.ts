// Whatever the text, analyzePlan returns (never throws) and every diagnostic is located inside
// the text. A seeded fuzz loop: random garbage, random token soup, random mutations of the example.
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../server/src/language/analyze';
import { parsePolicy } from '../../server/src/language/parse';
import { PLAN_CODES } from '../../server/src/language/diagnostics';
import { scheduleReport, scheduleCsv } from '../../server/src/language/report';
import { CONTRACT_EXAMPLE, CONTRACT_POLICY, diagnosticsOf, expectCodes, located, plan, rng } from './helpers';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Analyses `text` and checks every invariant; returns a description of the first violation, or undefined. */
function violation(text: string): string | undefined {
  let a: ReturnType<typeof analyzePlan>;
  try {
    a = analyzePlan(text);
  } catch (e) {
    return `analyzePlan threw: ${e instanceof Error ? e.stack : String(e)}`;
  }
  const lines = text.split('\n');
  for (const d of a.diagnostics) {
    if (!(d.code in PLAN_CODES) && !d.code.startsWith('policy')) return `unknown code ${d.code}`;
    if (!SEVERITIES.has(d.severity)) return `bad severity ${d.severity}`;
    if (d.source !== 'plan') return `bad source ${d.source}`;
    if (typeof d.message !== 'string' || d.message.trim() === '') return `empty message for ${d.code}`;
    if (!(Number.isInteger(d.start) && Number.isInteger(d.end))) return `non-integer offsets for ${d.code}: ${d.start}..${d.end}`;
    if (d.start < 0 || d.end > text.length || d.start > d.end) return `offsets out of bounds for ${d.code}: ${d.start}..${d.end} in ${text.length}`;
  }
  for (const d of located(a)) {
    if (d.line < 0 || d.line >= lines.length || d.endLine < d.line || d.endLine >= lines.length) return `line out of bounds: ${JSON.stringify(d)}`;
    if (d.character < 0 || d.character > lines[d.line]!.length) return `character out of bounds: ${JSON.stringify(d)}`;
    if (d.endCharacter < 0 || d.endCharacter > lines[d.endLine]!.length) return `end character out of bounds: ${JSON.stringify(d)}`;
  }
  try {
    const report = scheduleReport(a);
    const json = JSON.stringify(report);
    if (json.includes('NaN') || json.includes('Infinity')) return 'report holds NaN or Infinity';
    scheduleCsv(report);
  } catch (e) {
    return `report threw: ${e instanceof Error ? e.stack : String(e)}`;
  }
  return undefined;
}

function check(text: string, label: string): void {
  const v = violation(text);
  if (v) assert.fail(`${label}: ${v}\n--- input (${text.length} chars) ---\n${text.slice(0, 2000)}`);
}

const VOCAB = [
  'project', 'calendar', 'resource', 'task', 'milestone', 'start', 'deadline', 'on', 'after', 'of', 'not', 'before', 'duration',
  'effort', 'assign', 'owner', 'budget', 'cost', 'quality', 'by', 'progress', 'currency', 'status', 'uses', 'waive', 'rate',
  'capacity', 'leave', 'workdays', 'hours', 'holiday', '{', '}', '{', '}', ',', '..', '+', '-', '/', '(', ')', 'a', 'b', 'c',
  'x', 'EUR', 'USD', 'd', 'h', 'mon-fri', 'fri-mon', 'sat', '"s"', '"', '"unterminated', '"\\q"', '2027-01-04', '2027-02-30',
  '9999-12-31', '0001-01-01', '1d', '0.5d', '4h', '2w', '1mo', '99999999d', '0d', '50%', '0%', '300%', '12_500', '0', '1e9',
  '//c\n', '/*', '*/', '\n', '\t', '\u0000', '😀', 'é', '\r\n',
];

describe('robustness', () => {
  it('300 seeded random inputs never make analyzePlan throw, and diagnostics stay inside the text', function () {
    this.timeout(120_000);
    const r = rng(20270104);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const example = CONTRACT_EXAMPLE;
    const failures = new Map<string, { case: number; text: string; count: number }>();
    for (let i = 0; i < 300; i++) {
      let text: string;
      switch (i % 6) {
        case 0: { // random UTF-16 garbage, including lone surrogates and controls
          const n = Math.floor(r() * 400);
          text = Array.from({ length: n }, () => String.fromCharCode(Math.floor(r() * (r() < 0.8 ? 128 : 0x10000)))).join('');
          break;
        }
        case 1: { // token soup from the language's own vocabulary
          const n = Math.floor(r() * 200);
          text = Array.from({ length: n }, () => pick(VOCAB)).join(r() < 0.5 ? ' ' : '');
          break;
        }
        case 2: { // delete a random slice of the example
          const a = Math.floor(r() * example.length), b = a + Math.floor(r() * 200);
          text = example.slice(0, a) + example.slice(b);
          break;
        }
        case 3: { // insert random vocabulary at random places
          text = example;
          for (let k = 0, n = 1 + Math.floor(r() * 8); k < n; k++) {
            const at = Math.floor(r() * text.length);
            text = text.slice(0, at) + ' ' + pick(VOCAB) + ' ' + text.slice(at);
          }
          break;
        }
        case 4: { // swap characters and duplicate a slice
          const chars = example.split('');
          for (let k = 0, n = 1 + Math.floor(r() * 20); k < n; k++) {
            const x = Math.floor(r() * chars.length), y = Math.floor(r() * chars.length);
            [chars[x], chars[y]] = [chars[y]!, chars[x]!];
          }
          text = chars.join('');
          const a = Math.floor(r() * text.length), b = a + Math.floor(r() * 300);
          text = text.slice(0, b) + text.slice(a, b) + text.slice(b);
          break;
        }
        default: { // truncate, and sometimes shuffle whole lines
          text = example.slice(0, Math.floor(r() * example.length));
          if (r() < 0.5) text = text.split('\n').sort(() => r() - 0.5).join('\n');
          break;
        }
      }
      const v = violation(text);
      if (v) {
        // One entry per kind of failure (message and first stack frame), keeping the shortest input.
        const key = v.split('\n').slice(0, 2).join(' | ');
        const seen = failures.get(key);
        if (!seen) failures.set(key, { case: i, text, count: 1 });
        else { seen.count++; if (text.length < seen.text.length) { seen.text = text; seen.case = i; } }
      }
    }
    if (failures.size > 0) {
      const report = [...failures].map(([key, f]) => `- ${f.count}× ${key}\n  shortest input (case ${f.case}): ${JSON.stringify(f.text.slice(0, 300))}`);
      assert.fail(`${[...failures.values()].reduce((n, f) => n + f.count, 0)} of 300 inputs failed:\n${report.join('\n')}`);
    }
  });

  it('100 seeded mutations of the policy example never make parsePolicy throw', function () {
    this.timeout(60_000);
    const r = rng(42);
    for (let i = 0; i < 100; i++) {
      const a = Math.floor(r() * CONTRACT_POLICY.length), b = a + Math.floor(r() * 80);
      const text = i % 2 ? CONTRACT_POLICY.slice(0, a) + CONTRACT_POLICY.slice(b) : CONTRACT_POLICY.slice(0, a) + '( not ) and or matches "(" ' + CONTRACT_POLICY.slice(a);
      let doc: ReturnType<typeof parsePolicy>;
      try { doc = parsePolicy(text); } catch (e) { assert.fail(`case ${i}: parsePolicy threw ${e instanceof Error ? e.stack : e}`); }
      for (const e of doc.syntaxErrors) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, `case ${i}: ${JSON.stringify(e)}`);
    }
  });

  describe('incomplete properties never make the parsers throw', () => {
    const planCases: [string, string][] = [
      ['a cost with a label but no amount', 'task a { duration 1d  cost "Licences" }'],
      ['a rate without an amount', 'resource r { rate /d }'],
      ['start of without a name', 'task a { duration 1d  after start of + 1d }'],
      ['an assignment list ending in a percentage', 'resource r { rate 1/d }\ntask a { duration 1d  assign r, 50% }'],
      ['a waiver with a reason but no rule', 'task a { duration 1d }'],
      ['a budget without an amount', 'task a { duration 1d  budget EUR }'],
      ['an after without a name', 'task a { duration 1d  after + 1d }'],
      ['a quality without a text', 'resource r { rate 1/d }\ntask a { duration 1d  quality by r }'],
      ['a holiday without a first date', 'calendar c { holiday .. 2027-01-05 }'],
    ];
    for (const [what, body] of planCases) {
      it(`plan: ${what}`, () => {
        const text = what.startsWith('a waiver')
          ? `project p { start 2027-01-04  waive "the reason" }\n${body}\n`
          : `project p { start 2027-01-04 }\n${body}\n`;
        check(text, what);
        const syntax = diagnosticsOf(text).filter((d) => d.code === 'syntax');
        assert.ok(syntax.length >= 1, `a syntax error is expected for ${what}`);
      });
    }

    const policyCases: [string, string][] = [
      ['a comparison without a left operand', 'require = 3'],
      ['a where clause starting with an operator', 'where <= 1 require has owner'],
      ['matches without a value', 'require matches "x"'],
    ];
    for (const [what, clause] of policyCases) {
      it(`policy: ${what}`, () => {
        const text = `policy x {\n  rule r error "m" {\n    each task\n    ${clause}\n  }\n}\n`;
        let doc: ReturnType<typeof parsePolicy> | undefined;
        assert.doesNotThrow(() => { doc = parsePolicy(text); });
        assert.ok(doc!.syntaxErrors.length >= 1);
      });
    }
  });

  describe('extreme values', () => {
    const cases: [string, string][] = [
      ['a project starting on the last day of year 9999', 'project p { start 9999-12-31 }\ntask a { duration 5d }\ntask b { after a + 3d  duration 1d }\n'],
      ['a project starting on 0001-01-01 with a lead', 'project p { start 0001-01-01 }\ntask a { duration 1d }\ntask b { after a - 10d  duration 1d }\n'],
      ['a huge duration', 'project p { start 2027-01-04 }\ntask a { duration 99999999999d }\ntask b { after a  duration 1d  deadline 2027-02-01 }\n'],
      ['a huge lag', 'project p { start 2027-01-04 }\ntask a { duration 1d }\ntask b { after a + 999999999d  duration 1d }\n'],
      ['a huge lead', 'project p { start 2027-01-04 }\ntask a { duration 1d }\ntask b { after a - 999999999d  duration 1d }\n'],
      ['a tiny allocation', 'project p { start 2027-01-04 }\nresource r { rate 1/d }\ntask a { effort 100d  assign r 0.0001% }\n'],
      ['a calendar without working days', 'project p { start 2027-01-04  calendar c }\ncalendar c { workdays sat-sun  holiday 2027-01-01..2099-12-31 }\ntask a { duration 1d }\n'],
      ['a holiday over many years', 'project p { start 2027-01-04  calendar c }\ncalendar c { holiday 2027-01-05..2090-12-31 }\ntask a { duration 3d }\n'],
      ['a deadline before the project start', 'project p { start 2027-01-04  deadline 1999-01-01 }\ntask a { duration 1d  deadline 1990-06-01 }\n'],
      ['a status date far in the future', 'project p { start 2027-01-04  status 9999-12-31 }\ntask a { duration 1d }\n'],
      ['huge amounts', 'project p { start 2027-01-04  budget 999_999_999_999_999_999_999 }\nresource r { rate 1e3/d }\ntask a { duration 1d  cost 99999999999999999999999  assign r }\n'],
      ['a very long line', `project p { start 2027-01-04 }\n${'task t { duration 1d } '.repeat(5000)}\n`],
      ['a very long name', `project p { start 2027-01-04 }\ntask ${'x'.repeat(100_000)} { after ${'y'.repeat(100_000)} }\n`],
      ['only a BOM and whitespace', '\uFEFF \n\t\r\n'],
      ['NUL bytes', 'project p { start 2027-01-04 }\u0000\u0000\ntask a {\u0000 duration 1d }'],
      ['a lone surrogate in a string', 'project p { start 2027-01-04 }\ntask a "\uD800" { duration 1d }\n'],
      ['many errors', 'project p { start 2027-01-04 }\n' + 'task a { after } '.repeat(2000)],
    ];
    for (const [what, text] of cases) {
      it(`${what}: no throw, located diagnostics`, function () {
        this.timeout(60_000);
        check(text, what);
      });
    }
  });

  describe('positions', () => {
    it('CRLF line ends give the same lines and characters as LF', () => {
      const lf = plan`
        task a { duration 1d }
        task b { after ghost  duration 1d }
      `;
      const crlf = lf.replace(/\n/g, '\r\n');
      const strip = (ds: ReturnType<typeof diagnosticsOf>) => ds.map((d) => [d.code, d.line, d.character, d.endLine, d.endCharacter]);
      assert.deepEqual(strip(diagnosticsOf(crlf)), strip(diagnosticsOf(lf)));
      expectCodes(crlf, ['unknown-reference@2']);
    });

    it('characters count UTF-16 code units, as LSP does by default', () => {
      const text = plan`
        task a "😀😀" { after ghost  duration 1d }
      `;
      const d = diagnosticsOf(text)[0]!;
      const line = text.split('\n')[1]!;
      assert.equal(d.character, line.indexOf('ghost'));
      assert.equal(d.endCharacter, line.indexOf('ghost') + 5);
    });

    it('a diagnostic at the very end of the text is inside it', () => {
      check('project p { start 2027-01-04 }\ntask a {', 'unclosed at end');
      check('project p { start 2027-01-04 }\ntask a { after', 'cut after after');
      check('project p { start', 'cut in the project');
    });
  });

  describe('determinism', () => {
    it('the same text gives the same diagnostics and report, whatever was analysed before', () => {
      const a1 = diagnosticsOf(CONTRACT_EXAMPLE);
      const r1 = JSON.stringify(scheduleReport(analyzePlan(CONTRACT_EXAMPLE)));
      diagnosticsOf('task { { } } ) garbage "');
      diagnosticsOf(plan`task x { after y } task y { after x }`);
      parsePolicy('policy p { rule r error "m" { each task require ((( } }');
      assert.deepEqual(diagnosticsOf(CONTRACT_EXAMPLE), a1);
      assert.equal(JSON.stringify(scheduleReport(analyzePlan(CONTRACT_EXAMPLE))), r1);
    });

    it('diagnostics come sorted by position', () => {
      const ds = diagnosticsOf(plan`
        task b { after ghost2  duration 1d }
        task a { after ghost1  duration }
        task a { duration 1d }
      `);
      const keys = ds.map((d) => d.line * 10_000 + d.character);
      assert.deepEqual(keys, [...keys].sort((x, y) => x - y));
    });
  });
});
