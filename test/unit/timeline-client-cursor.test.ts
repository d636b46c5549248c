// Which task the cursor is in (client/src/timeline/cursorTask.ts), with the lines the server reports for
// a real plan: the innermost task whose block contains the line.
import * as assert from 'node:assert/strict';
import { taskAtLine, taskAtTopOfView } from '../../client/src/timeline/cursorTask';

// Lines (0-based) of:
//  0 project p "P" { start 2027-01-04 }
//  1
//  2 task build "Build" {
//  3   task frontend "Frontend" {
//  4     effort 5d
//  5   }
//  6   milestone ready "Ready" { after frontend }
//  7
//  8 }
//  9 task docs "Docs" { duration 2d }
const tasks = [
  { id: 'build', line: 2, endLine: 8, depth: 0 },
  { id: 'frontend', line: 3, endLine: 5, depth: 1 },
  { id: 'ready', line: 6, endLine: 6, depth: 1 },
  { id: 'docs', line: 9, endLine: 9, depth: 0 },
];

describe('timeline preview: task under the cursor', () => {
  it('finds the innermost task whose block contains the line', () => {
    assert.equal(taskAtLine(tasks, 2), 'build');
    assert.equal(taskAtLine(tasks, 3), 'frontend');
    assert.equal(taskAtLine(tasks, 4), 'frontend');
    assert.equal(taskAtLine(tasks, 5), 'frontend');
    assert.equal(taskAtLine(tasks, 6), 'ready');
    assert.equal(taskAtLine(tasks, 7), 'build', 'a blank line inside a group belongs to the group');
    assert.equal(taskAtLine(tasks, 8), 'build');
    assert.equal(taskAtLine(tasks, 9), 'docs');
  });

  it('gives null outside every task', () => {
    assert.equal(taskAtLine(tasks, 0), null);
    assert.equal(taskAtLine(tasks, 1), null);
    assert.equal(taskAtLine(tasks, 10), null);
    assert.equal(taskAtLine([], 3), null);
  });

  it('does not depend on the order of the tasks', () => {
    const reversed = [...tasks].reverse();
    for (let line = 0; line <= 10; line++) assert.equal(taskAtLine(reversed, line), taskAtLine(tasks, line), `line ${line}`);
  });

  it('the task at the top of the editor: the innermost one there, else the next one declared', () => {
    assert.equal(taskAtTopOfView(tasks, 0), 'build', 'the project block at the top: the first task follows');
    assert.equal(taskAtTopOfView(tasks, 1), 'build');
    assert.equal(taskAtTopOfView(tasks, 4), 'frontend');
    assert.equal(taskAtTopOfView(tasks, 7), 'build');
    assert.equal(taskAtTopOfView(tasks, 9), 'docs');
    assert.equal(taskAtTopOfView(tasks, 10), null, 'below the last task');
    assert.equal(taskAtTopOfView([...tasks].reverse(), 1), 'build');
  });
});
