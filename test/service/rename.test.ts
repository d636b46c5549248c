import { strict as assert } from 'node:assert';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { prepareRename, rename, RenameError } from '../../server/src/service/rename';
import { applyEdits, ctxOf, cursor, examplePlan, posOf, r, rangeOf, URI } from './helpersA';

const PLAN = `project web "Web" {
  start 2027-01-04
  calendar office
  waive owner-required on build "Agreed"
  quality "Launch approved" by alice
}
calendar office { hours 8 }
resource alice "Alice" { rate 700/d  calendar office }
milestone kickoff { on 2027-01-04 }
task design {
  after kickoff
  owner alice
  task wireframes { effort 5d  assign alice }
  task visual { after start of wireframes + 2d  effort 8d  assign alice 50% }
}
task build { after design, kickoff  duration 2w }
`;

const ctx = ctxOf(PLAN);

function editsOf(edit: WorkspaceEdit): TextEdit[] {
  assert.deepEqual(Object.keys(edit.changes ?? {}), [URI]);
  return edit.changes![URI];
}

function renamed(text: string, needle: string, occurrence: number, newName: string): string {
  return applyEdits(text, editsOf(rename(ctxOf(text), posOf(text, needle, occurrence), newName)));
}

function throwsRename(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof RenameError, `expected a RenameError, got ${String(e)}`);
    assert.equal(e.name, 'RenameError');
    assert.equal(e.message, message);
    return true;
  });
}

describe('service: rename', () => {
  describe('prepareRename', () => {
    it('on a declaration and on every kind of reference: the id and its text', () => {
      for (const [needle, occurrence] of [['alice', 1], ['alice', 2], ['alice', 3], ['alice', 4], ['office', 1], ['office', 3], ['build', 1], ['build', 2], ['kickoff', 2], ['wireframes', 2]] as const) {
        const result = prepareRename(ctx, posOf(PLAN, needle, occurrence, 2));
        assert.deepEqual(result && { range: r(result.range), placeholder: result.placeholder }, { range: r(rangeOf(PLAN, needle, occurrence)), placeholder: needle }, `${needle} #${occurrence}`);
      }
    });

    it('on the project id', () => {
      const result = prepareRename(ctx, posOf(PLAN, 'web'));
      assert.equal(result?.placeholder, 'web');
    });

    it('null on keywords, values, names, comments, blanks and unknown references', () => {
      const c = cursor('project p { start 2027-01-04 }\ntask a { after gh|ost  duration 1d }');
      assert.equal(prepareRename(ctxOf(c.text), c.position), null);
      for (const needle of ['task', 'effort', '5d', '"Web"', 'owner-required', '2027-01-04', 'start']) {
        assert.equal(prepareRename(ctx, posOf(PLAN, needle, 1, 1)), null, needle);
      }
      assert.equal(prepareRename(ctx, { line: 0, character: 19 }), null);
    });
  });

  describe('rename', () => {
    it('a resource: the declaration and every reference (owner, assign, by, waive … on)', () => {
      const edits = editsOf(rename(ctx, posOf(PLAN, 'alice', 4), 'ana'));
      assert.deepEqual(edits.map((e) => r(e.range)), [1, 2, 3, 4, 5].map((n) => r(rangeOf(PLAN, 'alice', n))));
      assert.ok(edits.every((e) => e.newText === 'ana'));
      const after = applyEdits(PLAN, edits);
      assert.ok(!/\balice\b/.test(after));
      assert.equal(ctxOf(after).analysis.diagnostics.length, ctx.analysis.diagnostics.length);
    });

    it('a task named in `after`, `after start of` and `waive … on`', () => {
      const text = renamed(PLAN, 'build', 2, 'construction');
      assert.ok(text.includes('waive owner-required on construction "Agreed"'));
      assert.ok(text.includes('task construction { after design, kickoff'));
      const wf = renamed(PLAN, 'wireframes', 1, 'sketches');
      assert.ok(wf.includes('task sketches { effort 5d'));
      assert.ok(wf.includes('after start of sketches + 2d'));
    });

    it('a calendar, from a reference', () => {
      const text = renamed(PLAN, 'office', 1, 'hq');
      assert.ok(text.includes('  calendar hq\n') && text.includes('calendar hq { hours 8 }') && text.includes('calendar hq }'));
      assert.deepEqual(ctxOf(text).analysis.diagnostics.map((d) => d.code), ctx.analysis.diagnostics.map((d) => d.code));
    });

    it('the project id: only the id', () => {
      const edits = editsOf(rename(ctx, posOf(PLAN, 'web'), 'site'));
      assert.deepEqual(edits, [{ range: rangeOf(PLAN, 'web'), newText: 'site' }]);
    });

    it('a duplicate declaration alone (the references belong to the first)', () => {
      const text = 'project p { start 2027-01-04 }\ntask a { duration 1d }\ntask a { duration 1d }\ntask b { after a  duration 1d }';
      assert.equal(renamed(text, 'a', 2, 'c'), 'project p { start 2027-01-04 }\ntask a { duration 1d }\ntask c { duration 1d }\ntask b { after a  duration 1d }');
      assert.equal(renamed(text, 'a', 3, 'c'), 'project p { start 2027-01-04 }\ntask c { duration 1d }\ntask a { duration 1d }\ntask b { after c  duration 1d }');
    });

    it('also renames references in misplaced properties and of the wrong kind', () => {
      const text = 'project p { start 2027-01-04 }\nmilestone m { }\ntask g { assign m  task x { after m  duration 1d } }';
      assert.equal(renamed(text, 'm', 1, 'gate'), 'project p { start 2027-01-04 }\nmilestone gate { }\ntask g { assign gate  task x { after gate  duration 1d } }');
    });

    it('the same name: no edits', () => {
      assert.deepEqual(editsOf(rename(ctx, posOf(PLAN, 'alice'), 'alice')), []);
    });

    it('rejects invalid ids', () => {
      const at = posOf(PLAN, 'kickoff');
      const invalid = (name: string) => `'${name}' is not a valid id: an id starts with a letter or '_' and continues with letters, digits, '_' or '-'.`;
      throwsRename(() => rename(ctx, at, ''), 'An id cannot be empty.');
      for (const name of ['2go', 'kick off', '-x', 'a.b', 'x"', 'é']) throwsRename(() => rename(ctx, at, name), invalid(name));
      for (const name of ['task', 'milestone', 'project', 'effort', 'after', 'on']) {
        throwsRename(() => rename(ctx, at, name), `'${name}' is a keyword of the plan language; choose another id.`);
      }
      // Valid shapes pass.
      for (const name of ['_start', 'go-live', 'Phase3', 'a_b-c', 'tasks']) assert.equal(editsOf(rename(ctx, at, name)).length, 3, name);
    });

    it('rejects ids that clash with another declaration', () => {
      throwsRename(() => rename(ctx, posOf(PLAN, 'kickoff'), 'design'), "'design' is already the id of a task (line 10); ids must be unique in a plan.");
      throwsRename(() => rename(ctx, posOf(PLAN, 'design'), 'alice'), "'alice' is already the id of a resource (line 8); ids must be unique in a plan.");
      throwsRename(() => rename(ctx, posOf(PLAN, 'alice'), 'office'), "'office' is already the id of a calendar (line 7); ids must be unique in a plan.");
      throwsRename(() => rename(ctx, posOf(PLAN, 'alice'), 'kickoff'), "'kickoff' is already the id of a milestone (line 9); ids must be unique in a plan.");
    });

    it('refuses where nothing can be renamed', () => {
      throwsRename(() => rename(ctx, posOf(PLAN, 'effort'), 'x'), 'Only the id of a task, milestone, resource, calendar or the project can be renamed.');
    });
  });

  it('the example plan (smoke): renaming every id keeps the plan clean and the schedule the same', () => {
    const text = examplePlan();
    const before = ctxOf(text);
    assert.deepEqual(before.analysis.diagnostics, []);
    for (const [name, symbol] of before.analysis.model.symbols) {
      const position = before.analysis.lines.position(symbol.block.id!.start);
      assert.ok(prepareRename(before, position), name);
      const edits = editsOf(rename(before, position, `${name}_2`));
      const after = ctxOf(applyEdits(text, edits));
      assert.deepEqual(after.analysis.diagnostics, [], name);
      assert.equal(after.analysis.schedule.projectEndPt, before.analysis.schedule.projectEndPt, name);
      assert.equal(after.analysis.costs.projectCost, before.analysis.costs.projectCost, name);
    }
  });
});
