import { strict as assert } from 'node:assert';
import { planKeywordWords } from '../../server/src/language/lexer';
import { keywordDoc } from '../../server/src/service/keywordDocs';

/** Every property and block keyword of a plan (LANGUAGE.md), plus the connecting words. */
const WORDS = [
  'project', 'calendar', 'resource', 'task', 'milestone',
  'start', 'deadline', 'on', 'status', 'not before', 'after', 'start of', 'duration', 'effort', 'assign', 'owner', 'progress',
  'budget', 'cost', 'currency', 'rate', 'quality', 'by', 'uses', 'waive', 'capacity', 'leave', 'workdays', 'hours', 'holiday',
];

describe('service: keyword docs', () => {
  it('documents every keyword of the plan language', () => {
    for (const word of [...WORDS, ...planKeywordWords]) {
      const doc = keywordDoc(word);
      assert.ok(doc && doc.length > 60, word);
      assert.ok(doc.startsWith('```plan\n'), word);
    }
  });

  it('shows the syntax, where it is allowed, the meaning and an example', () => {
    assert.equal(keywordDoc('deadline'), [
      '```plan', 'deadline DATE', '```', '',
      '*project, task, milestone · once*', '',
      'Must finish on or before this day. A scheduled end after it is `deadline-missed` (error), saying by how many working days. A deadline moves nothing: it is a check. The project deadline, when later than the computed end, also gives every task slack.',
      '', '```plan', 'deadline 2027-03-31', '```',
    ].join('\n'));
    assert.ok(keywordDoc('assign')!.includes('*leaf task · repeatable*'));
    assert.ok(keywordDoc('effort')!.includes('`ceil(effort / (p1 + p2 + …))`'));
  });

  it('aliases the parts of two-word keywords', () => {
    assert.equal(keywordDoc('not'), keywordDoc('not before'));
    assert.equal(keywordDoc('before'), keywordDoc('not before'));
    assert.equal(keywordDoc('of'), keywordDoc('start of'));
  });

  it('undefined for words that are not keywords', () => {
    for (const word of ['design', 'toString', '__proto__', 'constructor', '', 'Task', 'policy']) assert.equal(keywordDoc(word), undefined, word);
  });
});
