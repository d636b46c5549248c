import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/service/symbols';
import { ctxOf, examplePlan, r, rangeOf } from './helpersA';

const PLAN = `project web "Web" {
  start 2027-01-04
  currency EUR
  budget 20_000
  calendar office
}
calendar office { holiday 2027-01-06 "Epiphany" }
resource alice "Alice Kim" { rate 720/d }
resource bob { rate 80/h  capacity 50% }
milestone kickoff { on 2027-01-04 }
task design "Design" {
  after kickoff
  task wireframes { effort 5d  assign alice }
  task visual { after wireframes  duration 2d  assign alice, bob 50% }
  milestone review { after visual }
}
`;

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** name (kind) detail, indented by depth: the outline at a glance. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} (${KIND_NAMES.get(s.kind)}) ${s.detail ?? ''}`.trimEnd(),
    ...outline(s.children ?? [], depth + 1),
  ]);
}

function contains(outer: { start: { line: number; character: number }; end: { line: number; character: number } }, inner: typeof outer): boolean {
  const le = (a: typeof outer.start, b: typeof outer.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('service: document symbols', () => {
  it('lists the project, calendars, resources and the task tree with kinds and details', () => {
    const symbols = documentSymbols(ctxOf(PLAN));
    assert.deepEqual(outline(symbols), [
      'web (Module) Web · 2027-01-04 → 2027-01-13 · calendar office · EUR · budget 20000 EUR',
      'office (Constant) mon-fri · 8 h · 1 holiday',
      'alice (Class) Alice Kim · 720 EUR/d',
      'bob (Class) 80 EUR/h · 50%',
      'kickoff (Event) 2027-01-04',
      'design (Namespace) 2027-01-04 → 2027-01-13',
      '  wireframes (Function) 2027-01-04 → 2027-01-11',
      '  visual (Function) 2027-01-12 → 2027-01-13',
      '  review (Event) 2027-01-13',
    ]);
  });

  it('ranges cover the whole block and selection ranges the id', () => {
    const [web, office, , , , design] = documentSymbols(ctxOf(PLAN));
    assert.equal(r(web.range), '0:0-5:1');
    assert.equal(r(web.selectionRange), r(rangeOf(PLAN, 'web')));
    assert.equal(r(office.range), r(rangeOf(PLAN, 'calendar office { holiday 2027-01-06 "Epiphany" }')));
    assert.equal(r(office.selectionRange), r(rangeOf(PLAN, 'office', 2)));
    assert.equal(r(design.range), '10:0-15:1');
    assert.equal(r(design.selectionRange), r(rangeOf(PLAN, 'design')));
    const wireframes = design.children![0];
    assert.equal(r(wireframes.range), r(rangeOf(PLAN, 'task wireframes { effort 5d  assign alice }')));
    assert.equal(r(wireframes.selectionRange), r(rangeOf(PLAN, 'wireframes')));
  });

  it('says why a task has no dates', () => {
    const text = `project p { start 2027-01-04 }
task a { after b  duration 1d }
task b { after a  duration 1d }
task c { after a  duration 2d }`;
    assert.deepEqual(outline(documentSymbols(ctxOf(text))), [
      'p (Module) 2027-01-04 → 2027-01-05',
      'a (Function) not scheduled (dependency cycle)',
      'b (Function) not scheduled (dependency cycle)',
      'c (Function) 2027-01-04 → 2027-01-05',
    ]);
    const noStart = documentSymbols(ctxOf('project p { }\ntask a { duration 1d }'));
    assert.equal(noStart[1].detail, 'not scheduled');
  });

  it('keeps blocks without an id and duplicate projects in the outline', () => {
    const text = `project p { start 2027-01-04 }
project q "Second" { start 2027-01-04 }
task { duration 1d }
task g { task h { duration 1d } }`;
    const out = outline(documentSymbols(ctxOf(text)));
    assert.deepEqual(out, [
      'p (Module) 2027-01-04 → 2027-01-04',
      'q (Module) Second',
      '(task without id) (Function) 2027-01-04 → 2027-01-04',
      'g (Namespace) 2027-01-04 → 2027-01-04',
      '  h (Function) 2027-01-04 → 2027-01-04',
    ]);
  });

  it('shows a resource calendar and rate without currency', () => {
    const text = `project p { start 2027-01-04 }
calendar short { workdays mon-wed, fri  hours 6 }
resource r "Rita" { rate 500/d  calendar short  capacity 250% }`;
    assert.deepEqual(outline(documentSymbols(ctxOf(text))), [
      'p (Module) from 2027-01-04',
      'short (Constant) mon-wed, fri · 6 h',
      'r (Class) Rita · 500/d · 250%',
    ]);
  });

  it('returns nothing for an empty document and survives broken text', () => {
    assert.deepEqual(documentSymbols(ctxOf('')), []);
    const broken = documentSymbols(ctxOf('project p { start 2027-01-04 }\ntask a { after \ntask b {'));
    assert.ok(broken.length >= 2);
  });

  it('outlines the example plan (smoke)', () => {
    const text = examplePlan();
    const symbols = documentSymbols(ctxOf(text));
    const top = symbols.map((s) => s.name);
    assert.deepEqual(top.slice(0, 3), ['relaunch', 'cologne', 'petra']);
    assert.ok(top.includes('kickoff') && top.includes('hypercare'));
    assert.equal(symbols[0].detail, 'Website relaunch 2027 · 2027-01-04 → 2027-05-19 · calendar cologne · EUR · budget 290000 EUR');
    const build = symbols.find((s) => s.name === 'build')!;
    assert.deepEqual(build.children!.map((c) => c.name), ['platform', 'frontend', 'integrations', 'feature-complete']);
    assert.equal(build.children![0].children!.length, 4);
    // Every symbol: the selection range lies inside the range, children inside their parent.
    let count = 0;
    const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const s of list) {
        count++;
        assert.ok(s.name.length > 0);
        assert.ok(contains(s.range, s.selectionRange), s.name);
        if (parent) assert.ok(contains(parent.range, s.range), `${s.name} in ${parent.name}`);
        assert.ok(s.detail && !s.detail.includes('not scheduled'), s.name);
        check(s.children ?? [], s);
      }
    };
    check(symbols);
    assert.equal(count, 1 + 1 + 10 + 55 + 8);
  });
});
