// Completion by context (server/src/service/completion.ts): what each position of a plan offers.
import { strict as assert } from 'node:assert';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../server/src/service/completion';
import { ctxOf, cursor } from './helpersB';

const PLAN = `project web "Website" {
  start 2027-01-04
  deadline 2027-03-31
  status 2027-01-15
  currency EUR
  budget 50_000
}

calendar office { workdays mon-fri  hours 8 }

resource alice "Alice Kim" { rate 720/d }
resource bob   "Bob Ortiz" { rate 650/d  capacity 50% }

milestone kickoff "Kick-off" { on 2027-01-04 }

task design "Design" {
  after kickoff
  task wireframes { effort 5d  assign bob }
  task visual { after wireframes  effort 8d  assign alice }
}

task build "Build" {
  after design
  duration 2w
  assign alice
}
`;

/** PLAN with `from` replaced by `to` (which holds the `|` cursor). */
function at(from: string, to: string): string {
  assert.ok(PLAN.includes(from), `'${from}' not in the plan`);
  return PLAN.replace(from, to);
}

function items(marked: string): CompletionItem[] {
  const { text, pos } = cursor(marked);
  const list = completion(ctxOf(text), pos);
  assert.equal(list.isIncomplete, false);
  return [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!) || a.label.localeCompare(b.label));
}

function labels(marked: string): string[] {
  return items(marked).map((i) => i.label);
}

function item(marked: string, label: string, detail?: string): CompletionItem {
  const found = items(marked).find((i) => i.label === label && (detail === undefined || i.detail === detail));
  assert.ok(found, `no item '${label}'`);
  return found;
}

const TASK_SNIPPETS = ['task', 'task', 'task', 'milestone', 'milestone'];

describe('completion', () => {
  describe('block keywords and properties', () => {
    it('offers the block snippets at the top level (no project when the plan has one)', () => {
      assert.deepEqual(labels(PLAN + '|'), ['resource', 'calendar', ...TASK_SNIPPETS]);
      assert.deepEqual(labels('|'), ['project', 'resource', 'calendar', ...TASK_SNIPPETS]);
      assert.deepEqual(labels(PLAN + 'ta|'), ['resource', 'calendar', ...TASK_SNIPPETS]);
    });

    it('block snippets are snippets with a body, a detail and documentation', () => {
      const all = items(PLAN + '|');
      const effortTask = all.find((i) => i.detail === 'task with effort and assignee')!;
      assert.equal(effortTask.kind, CompletionItemKind.Snippet);
      assert.equal(effortTask.insertTextFormat, InsertTextFormat.Snippet);
      // The last task before the cursor is the default predecessor; the plan's resources are a choice.
      assert.equal((effortTask.textEdit as TextEdit).newText,
        'task ${1:id} "${2:Name}" {\n\tafter ${3:build}\n\teffort ${4:5d}\n\tassign ${5|alice,bob|}\n\t$0\n}');
      assert.deepEqual(effortTask.labelDetails, { detail: ' — task with effort and assignee' });
      assert.match((effortTask.documentation as { value: string }).value, /```plan\ntask id "Name" \{\n  after build\n  effort 5d\n  assign alice\n/);
      const resource = all.find((i) => i.label === 'resource')!;
      assert.equal((resource.textEdit as TextEdit).newText, 'resource ${1:id} "${2:Name}" { rate ${3:700}/${4|d,h|} }');
      const onDate = all.find((i) => i.detail === 'milestone on a date')!;
      assert.equal((onDate.textEdit as TextEdit).newText, 'milestone ${1:id} "${2:Name}" { on ${3:2027-01-04} }');
    });

    it('offers a leaf task the properties it may still take, and nested blocks', () => {
      // build has after, duration and assign: duration and effort are gone, after and assign repeat.
      assert.deepEqual(labels(at('assign alice\n}', 'assign alice\n  |\n}')), [
        'after', 'assign', 'owner', 'start', 'not before', 'deadline', 'budget', 'cost', 'quality', 'progress', ...TASK_SNIPPETS,
      ]);
    });

    it('offers a group only the properties of a group', () => {
      assert.deepEqual(labels(at('after kickoff\n', 'after kickoff\n  |\n')), [
        'after', 'owner', 'budget', 'start', 'not before', 'deadline', 'cost', 'quality', ...TASK_SNIPPETS,
      ]);
    });

    it('offers the project, a resource, a calendar and a milestone their own properties', () => {
      assert.deepEqual(labels(at('  budget 50_000\n', '  budget 50_000\n  |\n')), ['calendar', 'quality', 'uses', 'waive']);
      assert.deepEqual(labels(at('capacity 50%', 'capacity 50%  |')), ['leave', 'calendar']);
      assert.deepEqual(labels(at('hours 8', 'hours 8  |')), ['holiday']);
      assert.deepEqual(labels(at('{ on 2027-01-04 }', '{ on 2027-01-04  | }')), ['after', 'deadline', 'not before', 'owner', 'cost', 'quality']);
    });

    it('offers exactly the properties the binder accepts in each kind of block', () => {
      const samples: Record<string, string> = {
        'start': 'start 2027-01-05', 'deadline': 'deadline 2027-06-30', 'on': 'on 2027-01-05', 'status': 'status 2027-01-05',
        'not before': 'not before 2027-01-05', 'after': 'after x', 'duration': 'duration 1d', 'effort': 'effort 1d', 'assign': 'assign r0',
        'owner': 'owner r0', 'calendar': 'calendar cal0', 'budget': 'budget 100', 'cost': 'cost 100', 'quality': 'quality "q"',
        'progress': 'progress 10%', 'capacity': 'capacity 50%', 'currency': 'currency EUR', 'uses': 'uses "x.policy"',
        'waive': 'waive rule "why"', 'rate': 'rate 1/d', 'leave': 'leave 2027-01-05', 'holiday': 'holiday 2027-01-05',
        'workdays': 'workdays mon-fri', 'hours': 'hours 8',
      };
      const common = 'resource r0 { rate 1/d }\ncalendar cal0 { hours 8 }\ntask x { duration 1d }\n';
      const places: [string, (body: string) => string][] = [
        ['project', (body) => `project p { ${body} }\n${common}`],
        ['leaf', (body) => `project p { start 2027-01-04 }\n${common}task a {\n ${body}\n}\n`],
        ['group', (body) => `project p { start 2027-01-04 }\n${common}task g {\n ${body}\n task c { duration 1d }\n}\n`],
        ['milestone', (body) => `project p { start 2027-01-04 }\n${common}milestone m { ${body} }\n`],
        ['resource', (body) => `project p { start 2027-01-04 }\n${common}resource r { ${body} }\n`],
        ['calendar', (body) => `project p { start 2027-01-04 }\n${common}calendar c { ${body} }\n`],
      ];
      for (const [place, make] of places) {
        const offered = labels(make('|')).filter((l) => l !== 'task' && l !== 'milestone').sort();
        const accepted = Object.keys(samples).filter((key) => {
          if (place === 'project' && key === 'start') return true;
          const diagnostics = ctxOf(make(samples[key])).analysis.diagnostics;
          assert.ok(!diagnostics.some((d) => d.code === 'syntax'), `${place}: ${samples[key]} parses`);
          return !diagnostics.some((d) => d.code === 'misplaced-property');
        }).sort();
        assert.deepEqual(offered, accepted, place);
      }
    });

    it('a property being typed does not hide itself', () => {
      assert.ok(labels(at('  duration 2w\n', '  durat|\n')).includes('duration'));
      assert.ok(labels(at('  duration 2w\n', '  start|\n')).includes('start'));
    });

    it('property items are snippets with documentation; reference properties re-open the suggestions', () => {
      const marked = at('assign alice\n}', 'assign alice\n  |\n}');
      const deadline = item(marked, 'deadline');
      assert.equal(deadline.kind, CompletionItemKind.Property);
      assert.equal(deadline.insertTextFormat, InsertTextFormat.Snippet);
      // The task's own computed end is the default deadline.
      assert.equal((deadline.textEdit as TextEdit).newText, 'deadline ${1:2027-02-03}');
      assert.match((deadline.documentation as { value: string }).value, /deadline-missed/);
      const after = item(marked, 'after');
      assert.equal((after.textEdit as TextEdit).newText, 'after ');
      assert.equal(after.command?.command, 'editor.action.triggerSuggest');
      assert.equal(after.detail, 'property (may repeat)');
    });
  });

  describe('references', () => {
    it('after `after`: tasks and milestones, nearest before the cursor first, and `start of`', () => {
      // visual may not depend on itself nor on its group design; build comes after the cursor.
      assert.deepEqual(labels(at('after wireframes', 'after |')), ['wireframes', 'kickoff', 'build', 'start of']);
    });

    it('items show the kind, the computed dates and the name', () => {
      const wireframes = item(at('after wireframes', 'after |'), 'wireframes');
      assert.equal(wireframes.kind, CompletionItemKind.Class);
      assert.equal(wireframes.detail, 'task · 2027-01-04 → 2027-01-08');
      const kickoff = item(at('after wireframes', 'after |'), 'kickoff');
      assert.equal(kickoff.kind, CompletionItemKind.Event);
      assert.equal(kickoff.detail, 'milestone · 2027-01-04');
      assert.deepEqual(kickoff.labelDetails, { description: 'Kick-off' });
      assert.equal((kickoff.documentation as { value: string }).value, '**Kick-off** (milestone `kickoff`)\n\n2027-01-04');
    });

    it('replaces the whole id under the cursor, dashes included', () => {
      const { text, pos } = cursor(at('after design', 'after de|sign'));
      const list = completion(ctxOf(text), pos);
      const edit = list.items.find((i) => i.label === 'visual')!.textEdit as TextEdit;
      assert.deepEqual(edit.range, { start: { line: pos.line, character: 8 }, end: { line: pos.line, character: 14 } });
      const dashed = cursor(at('after wireframes', 'after wire-fr|x'));
      const e2 = completion(ctxOf(dashed.text), dashed.pos).items[0].textEdit as TextEdit;
      assert.deepEqual([e2.range.start.character, e2.range.end.character], [22, 30]);
    });

    it('after a comma in an after list, and after `start of`; not what the task already depends on', () => {
      assert.deepEqual(labels(at('after design', 'after kickoff, |')), ['visual', 'wireframes', 'design', 'start of']);
      assert.deepEqual(labels(at('after design', 'after start of |')), ['visual', 'wireframes', 'design', 'kickoff']);
      assert.deepEqual(labels(at('after design', 'after start |')), ['of']);
      assert.deepEqual(labels(at('after design', 'after kickoff + 2d,\n    |')), ['visual', 'wireframes', 'design', 'start of']);
    });

    it('after `assign`: resources with their names, not those already assigned', () => {
      assert.deepEqual(labels(at('assign bob', 'assign |')), ['alice', 'bob']);
      assert.deepEqual(labels(at('assign alice\n}', 'assign alice, |\n}')), ['bob']);
      assert.deepEqual(labels(at('assign alice\n}', 'assign alice 50%, bob 20%,\n    |\n}')), []);
      const bob = item(at('assign bob', 'assign |'), 'bob');
      assert.equal(bob.detail, 'Bob Ortiz');
      assert.equal(bob.kind, CompletionItemKind.Variable);
      assert.equal((bob.documentation as { value: string }).value, '**Bob Ortiz** (resource `bob`)\n\nrate 650 EUR/d · capacity 50%');
    });

    it('after `owner` and `by`: every resource', () => {
      assert.deepEqual(labels(at('assign alice\n}', 'assign alice\n  owner b|\n}')), ['alice', 'bob']);
      assert.deepEqual(labels(at('  duration 2w\n', '  quality "Reviewed" by |\n')), ['alice', 'bob']);
    });

    it('after `calendar` in a block: the calendars; at the top level a new calendar is being named', () => {
      assert.deepEqual(labels(at('capacity 50%', 'capacity 50%  calendar |')), ['office']);
      assert.equal(item(at('capacity 50%', 'capacity 50%  calendar |'), 'office').kind, CompletionItemKind.Module);
      assert.deepEqual(labels(PLAN + 'calendar |'), []);
    });

    it('after `waive RULE on`: tasks, milestones and resources (all after the project: in plan order)', () => {
      assert.deepEqual(labels(at('  budget 50_000\n', '  budget 50_000\n  waive max-length on |\n')),
        ['kickoff', 'design', 'wireframes', 'visual', 'build', 'alice', 'bob']);
    });
  });

  describe('values', () => {
    it('after a number in a duration, effort or lag: the units, replacing only the unit', () => {
      assert.deepEqual(labels(at('duration 2w', 'duration 2|')), ['d', 'h', 'w', 'mo']);
      assert.deepEqual(labels(at('after design', 'after design + 1|')), ['d', 'h', 'w', 'mo']);
      const { text, pos } = cursor(at('duration 2w', 'duration 2m|'));
      const mo = completion(ctxOf(text), pos).items.find((i) => i.label === 'mo')!;
      assert.equal(mo.kind, CompletionItemKind.Unit);
      assert.equal(mo.detail, 'months');
      assert.deepEqual((mo.textEdit as TextEdit).range, { start: { line: pos.line, character: 12 }, end: pos });
      assert.deepEqual(labels(at('budget 50_000', 'budget 50|')), []);
    });

    it('after `workdays`: weekday ranges and names', () => {
      const days = ['mon-fri', 'mon-sat', 'mon-thu', 'tue-sat', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
      assert.deepEqual(labels(at('workdays mon-fri', 'workdays |')), days);
      assert.deepEqual(labels(at('workdays mon-fri', 'workdays mon-|')), days);
      assert.deepEqual(labels(at('workdays mon-fri', 'workdays mon-wed, |')), days);
    });

    it('after `currency`: ISO codes; after an amount: the plan currency first', () => {
      const codes = labels(at('currency EUR', 'currency |'));
      assert.deepEqual(codes.slice(0, 5), ['EUR', 'USD', 'GBP', 'CHF', 'JPY']);
      assert.equal(codes.length, 21);
      const afterAmount = items(at('budget 50_000', 'budget 50_000 |'));
      assert.equal(afterAmount[0].label, 'EUR');
      assert.equal(afterAmount[0].preselect, true);
      assert.equal(afterAmount[0].detail, "Euro (the plan's currency)");
    });

    it('after `/` in a rate: per day or per hour', () => {
      assert.deepEqual(labels(at('rate 720/d', 'rate 720/|')), ['d', 'h']);
    });

    it('in a date position: the task\'s own computed date, then the project\'s dates', () => {
      const deadline = items(at('duration 2w', 'duration 2w\n  deadline |'));
      assert.deepEqual(deadline.map((i) => `${i.label} ${i.detail}`), [
        '2027-02-03 its computed end', '2027-01-04 the project start', '2027-01-15 the status date', '2027-03-31 the project deadline',
      ]);
      assert.equal(deadline[0].preselect, true);
      assert.deepEqual(labels(at('duration 2w', 'duration 2w\n  not before 2027-0|')), ['2027-01-21', '2027-01-04', '2027-01-15', '2027-03-31']);
      assert.deepEqual(labels(at('{ on 2027-01-04 }', '{ on | }')), ['2027-01-04', '2027-01-15', '2027-03-31']);
      assert.deepEqual(labels(at('duration 2w', 'duration 2w\n  not |')), ['before']);
    });

    it('in a period: dates after `leave`, `holiday` and `..`', () => {
      assert.deepEqual(labels(at('capacity 50%', 'capacity 50%  leave 2027-01-15..|')), ['2027-01-04', '2027-01-15', '2027-03-31']);
      assert.deepEqual(labels(at('hours 8', 'hours 8  holiday 2027-0|')), ['2027-01-04', '2027-01-15', '2027-03-31']);
      assert.ok(labels(at('capacity 50%', 'capacity 50%  leave 2027-01-15..2027-01-16 |')).includes('calendar'));
    });

    it('after `waive RULE`: `on`', () => {
      assert.deepEqual(labels(at('  budget 50_000\n', '  budget 50_000\n  waive max-length |\n')), ['on']);
    });

    it('after a quality criterion: `by` first, then the properties', () => {
      const l = labels(at('  duration 2w\n', '  duration 2w\n  quality "Reviewed" |\n'));
      assert.equal(l[0], 'by');
      assert.ok(l.includes('owner'));
    });
  });

  describe('where nothing is offered', () => {
    it('inside comments and strings', () => {
      assert.deepEqual(labels(at('after kickoff', 'after kickoff // a|')), []);
      assert.deepEqual(labels(at('after kickoff', 'after kickoff /* a| */')), []);
      assert.deepEqual(labels(at('"Build"', '"Bu|ild"')), []);
      assert.deepEqual(labels(at('  duration 2w\n', '  quality "Revi|\n')), []);
    });

    it('where a new id, a number or a name is written', () => {
      assert.deepEqual(labels(PLAN + 'task |'), []);
      assert.deepEqual(labels(PLAN + 'task x "X" |'), []);
      assert.deepEqual(labels(at('after kickoff\n', 'after kickoff\n  task |\n')), []);
      assert.deepEqual(labels(at('budget 50_000', 'budget |')), []);
      assert.deepEqual(labels(at('after design', 'after design + |')), []);
    });

    it('a position past the end of the text or an empty document is safe', () => {
      assert.deepEqual(completion(ctxOf(''), { line: 5, character: 3 }).items.map((i) => i.label), ['project', 'resource', 'calendar', ...TASK_SNIPPETS]);
      assert.doesNotThrow(() => completion(ctxOf('task a { after'), { line: 0, character: 14 }));
    });
  });
});
