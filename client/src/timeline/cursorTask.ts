/**
 * Which task the cursor is in (pure): the innermost task or milestone whose block (from the line of its
 * id to its last line) contains the cursor's line, for highlighting its bar in the preview.
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
