/**
 * Which task the cursor is in, or the editor shows first (pure): the innermost task or milestone whose
 * block (from the line of its id to its last line) contains a line, for highlighting its bar and for
 * scrolling the preview with the editor.
 */
import type { TimelineTask } from '../../../server/src/language/timeline/types';

export function taskAtLine(tasks: readonly Pick<TimelineTask, 'id' | 'line' | 'endLine' | 'depth'>[], line: number): string | null {
  let best: Pick<TimelineTask, 'id' | 'line' | 'endLine' | 'depth'> | undefined;
  for (const task of tasks) {
    if (line < task.line || line > task.endLine) continue;
    // Children come after their parents and are deeper; of two at one depth (not possible for nested
    // blocks) the narrower block wins.
    if (!best || task.depth > best.depth || (task.depth === best.depth && task.endLine - task.line < best.endLine - best.line)) best = task;
  }
  return best?.id ?? null;
}

/**
 * The task the editor shows first when `topLine` is the first line in view: the innermost one containing
 * it, else the first one declared below it (the lines above the tasks hold the project and resources).
 */
export function taskAtTopOfView(tasks: readonly Pick<TimelineTask, 'id' | 'line' | 'endLine' | 'depth'>[], topLine: number): string | null {
  const inside = taskAtLine(tasks, topLine);
  if (inside !== null) return inside;
  let next: Pick<TimelineTask, 'id' | 'line'> | undefined;
  for (const task of tasks) if (task.line > topLine && (!next || task.line < next.line)) next = task;
  return next?.id ?? null;
}
