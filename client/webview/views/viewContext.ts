/**
 * What every view of the timeline webview gets and gives back. The shell (../app.ts) owns the model,
 * the state and the messages to the extension; a view only draws into its host element.
 */
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import type { ThemeKind, TimelineState } from '../../src/timeline/messages';

export interface ViewContext {
  model: TimelineModel;
  state: TimelineState;
  theme: ThemeKind;
  /** Reveal a task (by id) in the plan editor. */
  reveal(taskId: string): void;
  /** Reveal a resource's declaration in the plan editor. */
  revealResource(resourceId: string): void;
  /** Switch to the timeline filtered to one resource (the resource view's "show tasks"). */
  showResourceTasks(resourceId: string): void;
}

/** What a view drew, merged into the RenderReport the shell sends. */
export interface ViewResult {
  resources?: string[];
  overallocated?: string[];
  budgetGroups?: string[];
  errors?: string[];
}

export type ViewRenderer = (host: HTMLElement, ctx: ViewContext) => ViewResult;
