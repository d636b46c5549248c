/**
 * The webview's persistent state (TimelineState in messages.ts): which plan, which view, collapsed groups,
 * filters and zoom. Kept in `vscode.setState` so a window reload restores the view; the serializer also
 * hands it back in the page's `data-initial-state`. Anything malformed falls back to the defaults.
 */
import type { TimelineState, TimelineView } from '../src/timeline/messages';

const VIEWS: TimelineView[] = ['timeline', 'resources', 'budget'];

export function defaultState(): TimelineState {
  return { uri: '', view: 'timeline', collapsed: [], filter: { criticalOnly: false, resource: null, phase: null } };
}

/** A TimelineState from untrusted JSON (old versions, hand edits): unknown fields dropped, wrong types defaulted. */
export function sanitizeState(raw: unknown): TimelineState {
  const s = defaultState();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.uri === 'string') s.uri = r.uri;
  if (typeof r.view === 'string' && (VIEWS as string[]).includes(r.view)) s.view = r.view as TimelineView;
  if (Array.isArray(r.collapsed)) s.collapsed = r.collapsed.filter((x): x is string => typeof x === 'string');
  const f = r.filter as Record<string, unknown> | undefined;
  if (f && typeof f === 'object') {
    s.filter.criticalOnly = f.criticalOnly === true;
    s.filter.resource = typeof f.resource === 'string' ? f.resource : null;
    s.filter.phase = typeof f.phase === 'string' ? f.phase : null;
  }
  if (typeof r.zoom === 'number' && Number.isFinite(r.zoom) && r.zoom > 0) s.zoom = r.zoom;
  if (r.hideLinks === true) s.hideLinks = true;
  return s;
}

/** The state to start from: the webview's own saved state first, then the serializer's (the page attribute). */
export function initialState(saved: unknown, pageAttribute: string | undefined): TimelineState {
  if (saved && typeof saved === 'object') return sanitizeState(saved);
  if (pageAttribute) {
    try { return sanitizeState(JSON.parse(pageAttribute)); } catch { /* a broken attribute: start fresh */ }
  }
  return defaultState();
}

/** The state for a model of `uri`: another plan starts without the previous plan's collapsed groups and filters. */
export function stateForPlan(state: TimelineState, uri: string): TimelineState {
  if (state.uri === uri) return state;
  if (state.uri === '') return { ...state, uri };
  const next: TimelineState = { ...defaultState(), uri, view: state.view, zoom: state.zoom };
  if (state.hideLinks) next.hideLinks = true;
  return next;
}
