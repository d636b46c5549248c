/**
 * Rename of ids: tasks, milestones, resources and calendars (every declaration and reference),
 * and the project's own id. Invalid and clashing names are refused with a `RenameError` whose
 * message is meant for the user.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { planKeywordWords } from '../language/lexer';
import { offsetAt, rangeOf, type PlanContext } from './context';
import { nodeAt } from './nodeAt';
import { occurrencesOf, targetAt } from './navigation';

export class RenameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenameError';
  }
}

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS: ReadonlySet<string> = new Set(planKeywordWords);

const KIND_TEXT: Record<string, string> = { task: 'a task', milestone: 'a milestone', resource: 'a resource', calendar: 'a calendar', project: 'the project' };

/** The id under the cursor, or undefined when the cursor is not on something renameable. */
function renameTarget(ctx: PlanContext, position: Position) {
  const node = nodeAt(ctx.analysis, offsetAt(ctx, position));
  if (node.kind === 'declaration' && node.block.kind === 'project') {
    return { ident: node.ident, name: node.ident.text, project: true as const };
  }
  const target = targetAt(ctx, position);
  // Only ids that name something: an unknown reference has nothing to rename (a quick fix
  // creates or corrects it instead).
  if (!target || !target.declaration) return undefined;
  return { ...target, project: false as const };
}

export function prepareRename(ctx: PlanContext, position: Position): { range: Range; placeholder: string } | null {
  const target = renameTarget(ctx, position);
  if (!target) return null;
  return { range: rangeOf(ctx, target.ident), placeholder: target.name };
}

/** Why `newName` cannot be used as an id, or undefined when it can. */
function invalidReason(newName: string): string | undefined {
  if (newName.length === 0) return 'An id cannot be empty.';
  if (!ID.test(newName)) {
    return `'${newName}' is not a valid id: an id starts with a letter or '_' and continues with letters, digits, '_' or '-'.`;
  }
  if (KEYWORDS.has(newName)) return `'${newName}' is a keyword of the plan language; choose another id.`;
  return undefined;
}

export function rename(ctx: PlanContext, position: Position, newName: string): WorkspaceEdit {
  const target = renameTarget(ctx, position);
  if (!target) throw new RenameError('Only the id of a task, milestone, resource, calendar or the project can be renamed.');
  const reason = invalidReason(newName);
  if (reason) throw new RenameError(reason);
  if (newName === target.name) return { changes: { [ctx.uri]: [] } };

  const analysis = ctx.analysis;
  if (!target.project) {
    const taken = occurrencesOf(analysis, newName).declarations[0];
    if (taken) {
      const line = analysis.lines.position(taken.ident.start).line + 1;
      throw new RenameError(`'${newName}' is already the id of ${KIND_TEXT[taken.block.kind]} (line ${line}); ids must be unique in a plan.`);
    }
  }

  const edits: TextEdit[] = [];
  const edit = (span: { start: number; end: number }) => edits.push({ range: rangeOf(ctx, span), newText: newName });
  if (target.project || target.duplicate) {
    // The project's id is named nowhere else; a later duplicate owns no references.
    edit(target.ident);
  } else {
    const occ = occurrencesOf(analysis, target.name);
    const spans = [target.declaration!.ident, ...occ.references].sort((a, b) => a.start - b.start);
    for (const s of spans) edit(s);
  }
  return { changes: { [ctx.uri]: edits } };
}
