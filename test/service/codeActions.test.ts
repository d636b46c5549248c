// Quick fixes (server/src/service/codeActions.ts): what each diagnostic offers and the text each fix leaves.
import { strict as assert } from 'node:assert';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/service/codeActions';
import { planDiagnostics } from '../../server/src/service/diagnostics';
import { applyEdits, ctxOf, URI } from './helpersB';

interface Fix { title: string; preferred: boolean; result: string; remaining: string[] }

function diagnosticOf(text: string, code: string, nth = 0): Diagnostic {
  const all = planDiagnostics(ctxOf(text)).filter((d) => d.code === code);
  assert.ok(all[nth], `no ${code} (#${nth}) in: ${planDiagnostics(ctxOf(text)).map((d) => d.code).join(', ')}`);
  return all[nth];
}

function actionsFor(text: string, code: string, nth = 0): CodeAction[] {
  const d = diagnosticOf(text, code, nth);
  return codeActions(ctxOf(text), d.range, [d]);
}

function fixes(text: string, code: string, nth = 0): Fix[] {
  return actionsFor(text, code, nth).map((a) => {
    const result = applyEdits(text, a.edit!.changes![URI]);
    return { title: a.title, preferred: a.isPreferred === true, result, remaining: ctxOf(result).analysis.diagnostics.map((d) => d.code) };
  });
}

const P = 'project p { start 2027-01-04 }\n';

describe('code actions', () => {
  it('every action is a quick fix for its diagnostic with an edit of this document', () => {
    const text = P + 'task a { after desing }\ntask design { duration 1d }\n';
    const d = diagnosticOf(text, 'unknown-reference');
    const actions = codeActions(ctxOf(text), d.range, [d]);
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.equal(a.kind, CodeActionKind.QuickFix);
      assert.deepEqual(a.diagnostics, [d]);
      assert.deepEqual(Object.keys(a.edit!.changes!), [URI]);
    }
  });

  describe('unknown-reference', () => {
    it('did you mean: each suggestion, the first preferred; and creating the task', () => {
      const text = P + 'task a {\n  after desin\n  duration 1d\n}\ntask design { duration 1d }\ntask resin { duration 1d }\n';
      assert.deepEqual(fixes(text, 'unknown-reference').map((f) => [f.title, f.preferred]), [
        ["Change to 'design'", true], ["Change to 'resin'", false], ["Create task 'desin'", false],
      ]);
      const [first, , create] = fixes(text, 'unknown-reference');
      assert.equal(first.result, text.replace('after desin', 'after design'));
      assert.deepEqual(first.remaining, []);
      assert.equal(create.result, text + '\ntask desin { duration 1d }\n');
      assert.deepEqual(create.remaining, []);
    });

    it('creates a missing resource after the last resource (preferred when nothing is close)', () => {
      const text = P + 'resource bob { rate 1/d }\nresource eve { rate 1/d }  // QA\n\ntask a {\n  duration 1d\n  assign nobody\n}\n';
      assert.deepEqual(fixes(text, 'unknown-reference'), [{
        title: "Create resource 'nobody'", preferred: true,
        result: text.replace('// QA\n', '// QA\nresource nobody { }\n'),
        remaining: ['unpriced-resource'],
      }]);
    });

    it('creates owners, approvers and calendars too; at the end of a plan without such blocks', () => {
      const owner = P + 'task a {\n  duration 1d\n  owner nemo\n}';
      assert.equal(fixes(owner, 'unknown-reference')[0].result, owner + '\n\nresource nemo { }\n');
      const calendar = 'project p {\n  start 2027-01-04\n  calendar office\n}\n\n\n';
      assert.deepEqual(fixes(calendar, 'unknown-reference').map((f) => [f.title, f.result, f.remaining.join()]), [
        ["Create calendar 'office'", 'project p {\n  start 2027-01-04\n  calendar office\n}\n\ncalendar office { workdays mon-fri }\n', ''],
      ]);
    });

    it('a waiver naming an unknown id gets suggestions only', () => {
      const text = 'project p {\n  start 2027-01-04\n  waive r on buld "why"\n}\ntask build { duration 1d }\n';
      assert.deepEqual(fixes(text, 'unknown-reference').map((f) => f.title), ["Change to 'build'"]);
    });
  });

  describe('dates', () => {
    it('start-before-dependency: move the pin to the earliest valid day, or remove the pin', () => {
      const text = P + 'task prep { duration 3d }\ntask b {\n  after prep\n  start 2027-01-06\n  duration 2d\n}\n';
      assert.deepEqual(fixes(text, 'start-before-dependency'), [
        {
          title: "Move 'start' to Thursday 2027-01-07, the earliest day its dependencies allow", preferred: true,
          result: text.replace('start 2027-01-06', 'start 2027-01-07'), remaining: [],
        },
        {
          title: "Remove the pin 'start 2027-01-06' (let the dependencies decide)", preferred: false,
          result: text.replace('  start 2027-01-06\n', ''), remaining: [],
        },
      ]);
    });

    it('start-before-dependency on a milestone moves its `on`', () => {
      const text = P + 'task prep { duration 3d }\nmilestone m { after prep  on 2027-01-05 }\n';
      const [move, remove] = fixes(text, 'start-before-dependency');
      assert.equal(move.title, "Move 'on' to Wednesday 2027-01-06, the earliest day its dependencies allow");
      assert.equal(move.result, text.replace('on 2027-01-05', 'on 2027-01-06'));
      assert.deepEqual(move.remaining, []);
      assert.equal(remove.result, text.replace('  on 2027-01-05', ''));
    });

    it('non-working-day: move to the next working day', () => {
      const text = P + 'task a {\n  start 2027-01-10\n  duration 1d\n}\n';
      assert.deepEqual(fixes(text, 'non-working-day'), [{
        title: 'Move to the next working day, Monday 2027-01-11', preferred: true,
        result: text.replace('2027-01-10', '2027-01-11'), remaining: [],
      }]);
    });
  });

  describe('estimates and assignments', () => {
    it('missing-estimate: add a duration (one-line, empty, multi-line and body-less blocks)', () => {
      const cases: [string, string][] = [
        ['task a { }', 'task a { duration 1d }'],
        ['task a {}', 'task a { duration 1d }'],
        ['task a { owner bob }', 'task a { duration 1d owner bob }'],
        ['task a {\n  owner bob\n}', 'task a {\n  duration 1d\n  owner bob\n}'],
        ['task a {  // why\n\n    owner bob\n}', 'task a {  // why\n    duration 1d\n\n    owner bob\n}'],
        ['task a {\n}', 'task a {\n  duration 1d\n}'],
        ['task g {\n  task a "A"\n}', 'task g {\n  task a "A" { duration 1d }\n}'],
      ];
      for (const [block, expected] of cases) {
        const text = P + 'resource bob { rate 1/d }\n' + block + '\n';
        const all = fixes(text, 'missing-estimate');
        assert.deepEqual(all.map((f) => [f.title, f.preferred]), [["Add 'duration 1d'", true]], block);
        assert.equal(all[0].result, text.replace(block, expected), block);
        assert.deepEqual(all[0].remaining, [], block);
      }
    });

    it('missing-estimate on a task with assignees: also an effort', () => {
      const text = P + 'resource bob { rate 1/d }\ntask a {\n  assign bob\n}\n';
      assert.deepEqual(fixes(text, 'missing-estimate').map((f) => [f.title, f.preferred, f.result]), [
        ["Add 'duration 1d'", true, text.replace('{\n  assign', '{\n  duration 1d\n  assign')],
        ["Add 'effort 1d'", false, text.replace('{\n  assign', '{\n  effort 1d\n  assign')],
      ]);
    });

    it('effort-without-assignee: assign one of the first resources, or make it a duration', () => {
      const text = P + 'resource bob "Bob Ortiz" { rate 1/d }\nresource eve { rate 1/d }\ntask a {\n  effort 3d  // guess\n  owner eve\n}\n';
      assert.deepEqual(fixes(text, 'effort-without-assignee'), [
        { title: 'Assign bob (Bob Ortiz)', preferred: true, result: text.replace('// guess\n', '// guess\n  assign bob\n'), remaining: [] },
        { title: 'Assign eve', preferred: false, result: text.replace('// guess\n', '// guess\n  assign eve\n'), remaining: [] },
        { title: "Change 'effort' to 'duration'", preferred: false, result: text.replace('effort 3d', 'duration 3d'), remaining: [] },
      ]);
      const oneLine = P + 'resource bob { rate 1/d }\ntask a { effort 3d  owner bob }\n';
      assert.equal(fixes(oneLine, 'effort-without-assignee')[0].result, oneLine.replace('effort 3d', 'effort 3d  assign bob'));
    });

    it('effort-without-assignee in a plan without resources: a new resource to be decided', () => {
      const text = P + 'task a { effort 3d }\n';
      assert.deepEqual(fixes(text, 'effort-without-assignee').map((f) => [f.title, f.result]), [
        ["Assign a new resource 'tbd' (to be decided)", P + 'task a { effort 3d  assign tbd }\n\nresource tbd "To be decided" { }\n'],
        ["Change 'effort' to 'duration'", P + 'task a { duration 3d }\n'],
      ]);
    });
  });

  describe('properties', () => {
    it('duplicate-property: remove the later one (its whole line, or just itself on a shared line)', () => {
      const text = 'project p {\n  start 2027-01-04\n  start 2027-01-05  // again\n}\nresource r { rate 100/d  rate 200/d }\n';
      assert.deepEqual(fixes(text, 'duplicate-property', 0), [{
        title: "Remove the duplicate 'start'", preferred: true,
        result: text.replace('  start 2027-01-05  // again\n', ''), remaining: ['duplicate-property'],
      }]);
      assert.equal(fixes(text, 'duplicate-property', 1)[0].result, text.replace('rate 100/d  rate 200/d', 'rate 100/d'));
    });

    it('misplaced-property: start ↔ on between milestones and tasks, or remove it', () => {
      const text = P + 'milestone m {\n  start 2027-01-05\n}\ntask a { on 2027-01-05  duration 1d }\nresource r { rate 1/d  progress 10% }\n';
      assert.deepEqual(fixes(text, 'misplaced-property', 0).map((f) => [f.title, f.preferred, f.result]), [
        ["Change 'start' to 'on' (a milestone's date)", true, text.replace('start 2027-01-05', 'on 2027-01-05')],
        ["Remove the misplaced 'start'", false, text.replace('  start 2027-01-05\n', '')],
      ]);
      assert.deepEqual(fixes(text, 'misplaced-property', 1).map((f) => [f.title, f.result]), [
        ["Change 'on' to 'start' (a task's pinned start)", text.replace('{ on 2027-01-05', '{ start 2027-01-05')],
        ["Remove the misplaced 'on'", text.replace('{ on 2027-01-05  duration', '{ duration')],
      ]);
      assert.deepEqual(fixes(text, 'misplaced-property', 2).map((f) => [f.title, f.preferred, f.result]), [
        ["Remove the misplaced 'progress'", true, text.replace('  progress 10%', '')],
      ]);
    });

    it('conflicting-properties: remove the later of duration and effort', () => {
      const text = P + 'resource r { rate 100/d }\ntask a {\n  effort 2d\n  assign r\n  duration 3d\n}\n';
      assert.deepEqual(fixes(text, 'conflicting-properties'), [{
        title: "Remove 'duration' (keep 'effort')", preferred: true, result: text.replace('  duration 3d\n', ''), remaining: [],
      }]);
    });
  });

  describe('robustness', () => {
    it('a diagnostic whose offsets no longer match the text is skipped', () => {
      const text = P + 'task a { after desing }\ntask design { duration 1d }\n';
      const d = diagnosticOf(text, 'unknown-reference');
      const edited = '\n' + text;
      assert.deepEqual(codeActions(ctxOf(edited), d.range, [d]), []);
    });

    it('other sources, codes without fixes and diagnostics without data', () => {
      const text = P + 'task a { after desing }\ntask design { duration 1d }\n';
      const d = diagnosticOf(text, 'unknown-reference');
      assert.deepEqual(codeActions(ctxOf(text), d.range, [{ ...d, source: 'eslint' }]), []);
      assert.deepEqual(codeActions(ctxOf(text), d.range, [{ ...d, code: 'deadline-missed' }]), []);
      // Without data nothing is known about the reference: no fix rather than a guess.
      assert.deepEqual(codeActions(ctxOf(text), d.range, [{ ...d, data: undefined }]).map((a) => a.title), []);
      const nwd = P + 'task a { start 2027-01-10  duration 1d }\n';
      const n = diagnosticOf(nwd, 'non-working-day');
      assert.deepEqual(codeActions(ctxOf(nwd), n.range, [{ ...n, data: { start: n.data.start, end: n.data.end } }]), []);
    });
  });
});
