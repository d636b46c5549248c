/**
 * The preview's saved state (what the webview keeps with `setState` and the serializer hands back after a
 * window reload), checked before use: it comes from storage and may be from an older version or damaged.
 * Pure: no `vscode`.
 */
import type { TimelineState, TimelineView } from './messages';

const VIEWS: readonly TimelineView[] = ['timeline', 'resources', 'budget'];

export function defaultState(uri: string): TimelineState {
  return { uri, view: 'timeline', collapsed: [], filter: { criticalOnly: false, resource: null, phase: null } };
}

/** A valid state from whatever was stored; undefined when it names no plan to show. */
export function restoredState(raw: unknown): TimelineState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.uri !== 'string' || r.uri === '') return undefined;
  const state = defaultState(r.uri);
  if (typeof r.view === 'string' && (VIEWS as readonly string[]).includes(r.view)) state.view = r.view as TimelineView;
  if (Array.isArray(r.collapsed)) state.collapsed = r.collapsed.filter((id): id is string => typeof id === 'string');
  if (r.filter && typeof r.filter === 'object') {
    const f = r.filter as Record<string, unknown>;
    state.filter = {
      criticalOnly: f.criticalOnly === true,
      resource: typeof f.resource === 'string' ? f.resource : null,
      phase: typeof f.phase === 'string' ? f.phase : null,
    };
  }
  if (typeof r.zoom === 'number' && Number.isFinite(r.zoom) && r.zoom > 0) state.zoom = r.zoom;
  if (r.hideLinks === true) state.hideLinks = true;
  return state;
}

/** The state to start a page with when the preview switches to another plan: the same view, nothing plan-specific. */
export function stateForPlan(previous: TimelineState | undefined, uri: string): TimelineState {
  const state = defaultState(uri);
  if (previous) {
    state.view = previous.view;
    if (previous.zoom !== undefined) state.zoom = previous.zoom;
    if (previous.hideLinks) state.hideLinks = true;
  }
  return state;
}
