// Parsing of plan and policy files: tree shape, error recovery, braces, scale.
import { strict as assert } from 'node:assert';
import { parsePlan, parsePolicy } from '../../server/src/language/parse';
import type * as A from '../../server/src/language/ast';
import {
  CONTRACT_EXAMPLE, CONTRACT_POLICY, analyze, describe_, diagnosticsOf, expectCodes, expectRange, located, plan, rangeOf,
} from './helpers';

const textOf = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

/** Compact view of a block tree: `kind id` with children. */
function shape(b: A.Block): unknown {
  const head = `${b.kind} ${b.id?.text ?? '?'}`;
  return b.children.length ? { [head]: b.children.map(shape) } : head;
}

/** The policy expression tree as nested arrays, without offsets. */
function expr(e: A.Expr | undefined): unknown {
  if (!e) return null;
  switch (e.type) {
    case 'binary': return [e.op, expr(e.left), expr(e.right)];
    case 'not': return ['not', expr(e.operand)];
    case 'negate': return ['neg', expr(e.operand)];
    case 'has': return ['has', e.property?.text];
    case 'matches': return ['matches', expr(e.value), e.pattern?.value];
    case 'fact': return e.name.text;
    case 'number': return e.value;
    case 'duration': return `${e.value.amount}${e.value.unit}`;
    case 'percent': return `${e.value.value}%`;
    case 'amount': return `${e.value.value} ${e.value.currency?.text}`;
    case 'date': return e.value.text;
    case 'string': return JSON.stringify(e.value.value);
    case 'paren': return ['()', expr(e.inner)];
  }
}

function requireOf(body: string): { tree: unknown; errors: A.SyntaxError[] } {
  const doc = parsePolicy(`policy x {\n  rule r error "m" {\n    each task\n    require ${body}\n  }\n}\n`);
  return { tree: expr(doc.policies[0]?.rules[0]?.require), errors: doc.syntaxErrors };
}

describe('parser: plan files', () => {
  describe('the example of LANGUAGE.md', () => {
    const doc = parsePlan(CONTRACT_EXAMPLE);

    it('parses without syntax errors', () => {
      assert.deepEqual(doc.syntaxErrors, []);
    });

    it('has the top-level blocks in order, with design grouping two tasks', () => {
      assert.deepEqual(doc.blocks.map(shape), [
        'project web', 'calendar office', 'resource alice', 'resource bob', 'resource vendor', 'resource carol',
        'milestone kickoff', { 'task design': ['task wireframes', 'task visual'] }, 'task build', 'milestone launch',
      ]);
    });

    it('keeps block names and the offsets of braces', () => {
      const project = doc.blocks[0]!;
      assert.equal(project.name?.value, 'Website relaunch');
      assert.equal(CONTRACT_EXAMPLE[project.open!], '{');
      assert.equal(CONTRACT_EXAMPLE[project.close!], '}');
      assert.equal(doc.blocks[7]!.children[1]!.parent, doc.blocks[7]);
    });

    it('reads the project properties in order, including waive with on and a reason', () => {
      const project = doc.blocks[0]!;
      assert.deepEqual(project.props.map((p) => p.key), ['start', 'deadline', 'currency', 'budget', 'calendar', 'status', 'uses', 'waive']);
      const waive = project.props[7] as A.WaiveProperty;
      assert.equal(waive.rule?.text, 'max-task-length');
      assert.deepEqual(waive.on.map((i) => i.text), ['build']);
      assert.equal(waive.reason?.value, 'Vendor contract fixes this length');
      const uses = project.props[6] as A.UsesProperty;
      assert.equal(uses.path?.value, '../pmo/standard.policy');
      const budget = project.props[3] as A.BudgetProperty;
      assert.equal(budget.amount?.value, 250000);
    });

    it('reads the calendar: workdays range, hours, a single holiday and a holiday range', () => {
      const cal = doc.blocks[1]!;
      assert.deepEqual(cal.props.map((p) => p.key), ['workdays', 'hours', 'holiday', 'holiday']);
      const wd = cal.props[0] as A.WorkdaysProperty;
      assert.equal(textOf(CONTRACT_EXAMPLE, wd.days[0]), 'mon-fri');
      const h1 = cal.props[2] as A.PeriodProperty;
      assert.equal(h1.from?.text, '2027-04-05');
      assert.equal(h1.to, undefined);
      assert.equal(h1.label?.value, 'Easter Monday');
      const h2 = cal.props[3] as A.PeriodProperty;
      assert.deepEqual([h2.from?.text, h2.to?.text], ['2027-12-24', '2027-12-31']);
    });

    it('reads a resource with rate, capacity and a leave range on one line', () => {
      const alice = doc.blocks[2]!;
      assert.deepEqual(alice.props.map((p) => p.key), ['rate', 'capacity', 'leave']);
      const rate = alice.props[0] as A.RateProperty;
      assert.equal(rate.rate?.amount?.value, 720);
      assert.equal(rate.rate?.per?.text, 'd');
      assert.equal((alice.props[1] as A.PercentProperty).percent?.value, 100);
    });

    it('reads assignments with and without allocation', () => {
      const visual = doc.blocks[7]!.children[1]!;
      const assign = visual.props.find((p) => p.key === 'assign') as A.AssignProperty;
      assert.deepEqual(assign.assignments.map((a) => [a.resource?.text, a.allocation?.value]), [['bob', undefined], ['alice', 50]]);
    });

    it('reads a dependency with a lag, and the fixed cost with its label', () => {
      const build = doc.blocks[8]!;
      const after = build.props.find((p) => p.key === 'after') as A.AfterProperty;
      assert.equal(after.deps.length, 1);
      assert.equal(after.deps[0]!.target?.text, 'design');
      assert.equal(after.deps[0]!.startOf, false);
      assert.equal(after.deps[0]!.lag?.sign, 1);
      assert.deepEqual([after.deps[0]!.lag?.duration?.amount, after.deps[0]!.lag?.duration?.unit], [2, 'd']);
      const cost = build.props.find((p) => p.key === 'cost') as A.CostProperty;
      assert.equal(cost.amount?.value, 4000);
      assert.equal(cost.label?.value, 'Licences');
      const dur = build.props.find((p) => p.key === 'duration') as A.DurationProperty;
      assert.deepEqual([dur.value?.amount, dur.value?.unit], [4, 'w']);
    });

    it('reads a quality criterion with its approver', () => {
      const design = doc.blocks[7]!;
      const q = design.props.find((p) => p.key === 'quality') as A.QualityProperty;
      assert.equal(q.text?.value, 'Wireframes approved');
      assert.equal(q.by?.text, 'carol');
    });

    it('collects the comments', () => {
      assert.ok(doc.comments.length >= 10);
    });
  });

  describe('more syntax', () => {
    it('reads start-to-start dependencies, leads and several dependencies in one after', () => {
      const doc = parsePlan('task t { after start of a + 1d, b - 0.5d, c }');
      const after = doc.blocks[0]!.props[0] as A.AfterProperty;
      assert.deepEqual(after.deps.map((d) => [d.startOf, d.target?.text, d.lag?.sign ?? 0, d.lag?.duration?.amount ?? 0]), [
        [true, 'a', 1, 1], [false, 'b', -1, 0.5], [false, 'c', 0, 0],
      ]);
      assert.deepEqual(doc.syntaxErrors, []);
    });

    it('reads not before as one property', () => {
      const doc = parsePlan('task t { not before 2027-02-01 }');
      const p = doc.blocks[0]!.props[0] as A.DateProperty;
      assert.equal(p.key, 'not before');
      assert.equal(p.date?.text, '2027-02-01');
    });

    it('reads workdays as a list with commas and spaces', () => {
      const text = 'calendar c { workdays mon-wed, fri sat }';
      const wd = parsePlan(text).blocks[0]!.props[0] as A.WorkdaysProperty;
      assert.deepEqual(wd.days.map((d) => textOf(text, d)), ['mon-wed', 'fri', 'sat']);
    });

    it('a whole plan may stand on one line', () => {
      expectCodes('project p { start 2027-01-04 } resource r { rate 1/d } task a { duration 1d assign r } task b { after a duration 1d }', []);
    });

    it('blocks without a body are allowed in the tree', () => {
      const doc = parsePlan('milestone m "Gate"');
      assert.equal(doc.blocks[0]!.kind, 'milestone');
      assert.equal(doc.blocks[0]!.open, undefined);
    });
  });

  describe('recovery', () => {
    it('a broken property does not hide a later error in another block', () => {
      const text = plan`
        task a { duration }
        task b { after nothing  duration 1d }
      `;
      const all = diagnosticsOf(text);
      assert.ok(all.some((d) => d.code === 'syntax' && d.line === 1), describe_(all));
      assert.ok(all.some((d) => d.code === 'unknown-reference' && d.line === 2), describe_(all));
    });

    it('a broken property does not hide a later error in the same block', () => {
      const text = plan`
        task a {
          duration xx
          after nothing
        }
      `;
      const all = diagnosticsOf(text);
      assert.ok(all.some((d) => d.code === 'syntax' && d.line === 2), describe_(all));
      assert.ok(all.some((d) => d.code === 'unknown-reference' && d.line === 3), describe_(all));
    });

    it('the syntax error of a broken property points at the unexpected token', () => {
      const text = plan`
        task a { duration xx }
      `;
      const d = diagnosticsOf(text).find((x) => x.code === 'syntax')!;
      expectRange(d, text, 'xx');
      assert.equal(d.severity, 'error');
      assert.equal(d.source, 'plan');
    });

    it('two broken properties far apart give two syntax errors', () => {
      const text = plan`
        task a { duration }
        task b { duration 1d }
        task c { deadline soon }
      `;
      const syntax = diagnosticsOf(text).filter((d) => d.code === 'syntax');
      assert.deepEqual(syntax.map((d) => d.line), [1, 3]);
    });

    it('a missing } is reported at the opening { of the unclosed block (end of file)', () => {
      const text = plan`
        task a { duration 1d }
        task g {
          task x { duration 1d }
      `;
      const all = diagnosticsOf(text);
      const syntax = all.filter((d) => d.code === 'syntax');
      assert.equal(syntax.length, 1, describe_(all));
      expectRange(syntax[0]!, text, '{', 3);
    });

    it('a missing } of a project is reported at its {, and the next block still parses', () => {
      const text = `project p { start 2027-01-04
task a { duration 2d }
task b { after a  duration 1d }
`;
      const all = diagnosticsOf(text);
      const syntax = all.filter((d) => d.code === 'syntax');
      assert.equal(syntax.length, 1, describe_(all));
      expectRange(syntax[0]!, text, '{', 1);
      const doc = parsePlan(text);
      assert.deepEqual(doc.blocks.map(shape), ['project p', 'task a', 'task b']);
    });

    it('an extra } is reported on that brace, and the rest is still read', () => {
      const text = plan`
        task a { duration 1d } }
        task b { after a  duration 1d }
      `;
      const all = expectCodes(text, ['syntax@1']);
      expectRange(all[0]!, text, '}', 3);
    });

    it('a property outside any block is a syntax error on the property', () => {
      const text = plan`
        task a { duration 1d }
        duration 3d
        task b { after a  duration 1d }
      `;
      const all = expectCodes(text, ['syntax@2']);
      assert.equal(all[0]!.character, text.split('\n')[2]!.indexOf('duration'));
    });

    it('an unknown property inside a block is a syntax error naming it', () => {
      const text = plan`
        task a { colour 3d  duration 1d }
      `;
      const d = diagnosticsOf(text).find((x) => x.code === 'syntax');
      assert.ok(d, describe_(diagnosticsOf(text)));
      assert.equal(d!.line, 1);
      assert.ok(d!.message.includes('colour'), d!.message);
    });

    it('a stray word at the top level is a syntax error', () => {
      const text = plan`
        tsak a { duration 1d }
      `;
      assert.ok(diagnosticsOf(text).some((d) => d.code === 'syntax' && d.line === 1));
    });

    it('keeps every syntax error inside the text', () => {
      const text = plan`
        task a { after
      `;
      for (const d of diagnosticsOf(text)) {
        assert.ok(d.line >= 0 && d.line < text.split('\n').length, JSON.stringify(d));
      }
    });
  });

  describe('scale', () => {
    it('10,000 nested tasks parse and analyse without crashing', function () {
      this.timeout(60_000);
      const depth = 10_000;
      let text = 'project p { start 2027-01-04 }\n';
      for (let i = 0; i < depth; i++) text += `task t${i} {\n`;
      text += 'duration 2d\n';
      for (let i = 0; i < depth; i++) text += '}\n';
      const a = analyze(text);
      assert.deepEqual(located(a), []);
      let b: A.Block | undefined = a.document.blocks[1];
      let levels = 0;
      while (b) { levels++; b = b.children[0]; }
      assert.equal(levels, depth);
      const deepest = a.model.tasks[a.model.tasks.length - 1]!;
      assert.equal(deepest.id, `t${depth - 1}`);
    });

    it('10,000 unclosed nested tasks do not crash, and every diagnostic lies in the text', function () {
      this.timeout(60_000);
      let text = 'project p { start 2027-01-04 }\n';
      for (let i = 0; i < 10_000; i++) text += `task t${i} {\n`;
      const a = analyze(text);
      for (const d of located(a)) assert.ok(d.line <= 10_001);
    });

    it('a plan of 100,000 lines is analysed', function () {
      this.timeout(60_000);
      const lines = ['project p { start 2027-01-04 }'];
      for (let i = 0; lines.length < 100_000; i++) {
        lines.push(i % 2 === 0 ? `task t${i} { duration 1d${i > 1 ? ` after t${i - 2}` : ''} }` : `  // note ${i}`);
      }
      const text = lines.join('\n');
      const a = analyze(text);
      assert.equal(a.lines.lineCount, 100_000);
      assert.deepEqual(located(a), []);
    });
  });
});

describe('parser: policy files', () => {
  describe('the example of LANGUAGE.md', () => {
    const doc = parsePolicy(CONTRACT_POLICY);

    it('parses without syntax errors', () => {
      assert.deepEqual(doc.syntaxErrors, []);
    });

    it('has one policy with its version, extends and five rules', () => {
      assert.equal(doc.policies.length, 1);
      const p = doc.policies[0]!;
      assert.equal(p.id?.text, 'standard');
      assert.equal(p.name?.value, 'ACME PMO standard');
      assert.deepEqual(p.props.map((x) => [x.key, x.value?.value]), [['version', '2.1.0'], ['extends', './base.policy']]);
      assert.deepEqual(p.rules.map((r) => [r.id?.text, r.severity?.text]), [
        ['owner-required', 'error'], ['max-task-length', 'warning'], ['milestone-gate', 'error'], ['contingency', 'warning'], ['task-ids', 'info'],
      ]);
    });

    it('reads subjects, where and require of each rule', () => {
      const rules = doc.policies[0]!.rules;
      assert.deepEqual(rules.map((r) => r.subject?.word?.text), ['task', 'leaf', 'milestone', 'project', 'task']);
      assert.equal(rules[0]!.message?.value, 'Every task needs an accountable owner');
      assert.deepEqual(expr(rules[0]!.require), ['has', 'owner']);
      assert.deepEqual(expr(rules[1]!.where), ['not', ['has', 'start']]);
      assert.deepEqual(expr(rules[1]!.require), ['<=', 'duration', '20d']);
      assert.deepEqual(expr(rules[2]!.require), ['and', ['>=', 'quality', 1], ['>=', 'approvers', 1]]);
      assert.deepEqual(expr(rules[3]!.require), ['>=', 'budget', ['*', 'cost', 1.1]]);
      assert.deepEqual(expr(rules[4]!.require), ['matches', 'id', '^[a-z][a-z0-9-]*$']);
    });

    it('reads docs links', () => {
      const d = parsePolicy('policy p { rule r warning "m" { docs "https://x.example/r" each task require has owner } }');
      assert.equal(d.policies[0]!.rules[0]!.docs?.value, 'https://x.example/r');
      assert.deepEqual(d.syntaxErrors, []);
    });
  });

  describe('expressions', () => {
    it('not binds tighter than and, and tighter than or: not a and b or c', () => {
      const r = requireOf('not a and b or c');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.tree, ['or', ['and', ['not', 'a'], 'b'], 'c']);
    });

    it('and binds tighter than or: a or b and c', () => {
      assert.deepEqual(requireOf('a or b and c').tree, ['or', 'a', ['and', 'b', 'c']]);
    });

    it('or and and are left-associative', () => {
      assert.deepEqual(requireOf('a or b or c').tree, ['or', ['or', 'a', 'b'], 'c']);
      assert.deepEqual(requireOf('a and b and c').tree, ['and', ['and', 'a', 'b'], 'c']);
    });

    it('arithmetic: * before +, comparisons last', () => {
      assert.deepEqual(requireOf('budget >= cost * 1.1 + 2').tree, ['>=', 'budget', ['+', ['*', 'cost', 1.1], 2]]);
      assert.deepEqual(requireOf('a - b - c').tree, ['-', ['-', 'a', 'b'], 'c']);
      assert.deepEqual(requireOf('a / b * c').tree, ['*', ['/', 'a', 'b'], 'c']);
    });

    it('not applies to a comparison: not a = b', () => {
      assert.deepEqual(requireOf('not slack = 0').tree, ['not', ['=', 'slack', 0]]);
    });

    it('parentheses override precedence', () => {
      assert.deepEqual(requireOf('not (a or b) and c').tree, ['and', ['not', ['()', ['or', 'a', 'b']]], 'c']);
    });

    it('matches takes a value and a string pattern', () => {
      const r = requireOf('name matches "^[A-Z]" and not has owner');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.tree, ['and', ['matches', 'name', '^[A-Z]'], ['not', ['has', 'owner']]]);
    });

    it('reads every kind of value', () => {
      const r = requireOf('cost <= 12_500 EUR and slack >= 2d and progress >= 50% and end <= 2027-06-30 and id != "x"');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.tree, ['and', ['and', ['and', ['and',
        ['<=', 'cost', '12500 EUR'], ['>=', 'slack', '2d']], ['>=', 'progress', '50%']], ['<=', 'end', '2027-06-30']], ['!=', 'id', '"x"']]);
    });

    it('all six comparison operators parse', () => {
      for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
        assert.deepEqual(requireOf(`slack ${op} 1`).tree, [op, 'slack', 1], op);
      }
    });

    it('parentheses nested 100 deep parse', () => {
      const r = requireOf(`${'('.repeat(100)}has owner${')'.repeat(100)}`);
      assert.deepEqual(r.errors, []);
    });

    it('parentheses nested 100 deep parse', () => {
      const depth = 100;
      const r = requireOf(`${'('.repeat(depth)}has owner${')'.repeat(depth)}`);
      assert.deepEqual(r.errors, []);
      let t = r.tree as unknown[] | string;
      let levels = 0;
      while (Array.isArray(t) && t[0] === '()') { levels++; t = t[1] as unknown[]; }
      assert.equal(levels, depth);
      assert.deepEqual(t, ['has', 'owner']);
    });

    it('parentheses nested 10,000 deep give one clear error, not a crash', () => {
      const depth = 10_000;
      const doc = parsePolicy(`policy x { rule r error "m" { each task require ${'('.repeat(depth)}has owner${')'.repeat(depth)} } }`);
      assert.equal(doc.syntaxErrors.length, 1);
      assert.match(doc.syntaxErrors[0].message, /nest more than 100 levels/);
    });
  });

  describe('recovery', () => {
    it('a broken require does not hide an error in a later rule', () => {
      const text = 'policy p {\n  rule a error "m" { each task require }\n  rule b error "m" { each task require has owner and }\n}\n';
      const doc = parsePolicy(text);
      const lines = new Set(doc.syntaxErrors.map((e) => text.slice(0, e.start).split('\n').length - 1));
      assert.deepEqual([...lines], [1, 2]);
    });

    it('a missing } of a rule is reported at its {', () => {
      const text = 'policy p {\n  rule a error "m" {\n    each task require has owner\n  rule b error "m" { each task require has owner }\n}\n';
      const doc = parsePolicy(text);
      assert.equal(doc.syntaxErrors.length, 1, JSON.stringify(doc.syntaxErrors));
      const want = rangeOf(text, '{', 2);
      const at = doc.syntaxErrors[0]!.start;
      assert.equal(text.slice(0, at).split('\n').length - 1, want.line);
      assert.equal(text[at], '{');
      assert.equal(doc.policies[0]!.rules.length, 2);
    });

    it('an extra } in a policy is a syntax error', () => {
      const text = 'policy p { rule a error "m" { each task require has owner } } }\n';
      const doc = parsePolicy(text);
      assert.equal(doc.syntaxErrors.length, 1);
      assert.equal(doc.syntaxErrors[0]!.start, text.lastIndexOf('}'));
    });
  });
});
