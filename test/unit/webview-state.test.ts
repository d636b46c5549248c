/** The timeline webview's saved state (client/webview/state.ts): restore, sanitize, switch plans. */
import * as assert from 'node:assert/strict';
import { defaultState, initialState, sanitizeState, stateForPlan } from '../../client/webview/state';

describe('timeline webview state', () => {
  const saved = { uri: 'file:///a.plan', view: 'budget', collapsed: ['g1'], filter: { criticalOnly: true, resource: 'ann', phase: null }, zoom: 8 };

  it('round-trips a valid state', () => {
    assert.deepEqual(sanitizeState(JSON.parse(JSON.stringify(saved))), saved);
  });

  it('the webview\'s own state wins over the page attribute; a broken attribute gives the defaults', () => {
    assert.deepEqual(initialState(saved, JSON.stringify({ ...saved, view: 'resources' })), saved);
    assert.equal(initialState(null, JSON.stringify({ ...saved, view: 'resources' })).view, 'resources');
    assert.deepEqual(initialState(null, '{not json'), defaultState());
    assert.deepEqual(initialState(undefined, 'null'), defaultState());
  });

  it('drops what is malformed', () => {
    const s = sanitizeState({ uri: 3, view: 'gantt', collapsed: ['a', 4, null], filter: { criticalOnly: 'yes', resource: 5, phase: 'p' }, zoom: -1 });
    assert.deepEqual(s, { uri: '', view: 'timeline', collapsed: ['a'], filter: { criticalOnly: false, resource: null, phase: 'p' } });
  });

  it('another plan starts without the previous plan\'s collapsed groups and filters, keeping the view and zoom', () => {
    const a = sanitizeState(saved);
    assert.equal(stateForPlan(a, 'file:///a.plan'), a);
    assert.deepEqual(stateForPlan(a, 'file:///b.plan'), { ...defaultState(), uri: 'file:///b.plan', view: 'budget', zoom: 8 });
    assert.deepEqual(stateForPlan({ ...a, uri: '' }, 'file:///b.plan'), { ...a, uri: 'file:///b.plan' });
  });

  it('hidden dependency arrows: kept, and kept for another plan; anything but true means shown', () => {
    const hidden = sanitizeState({ ...saved, hideLinks: true });
    assert.equal(hidden.hideLinks, true);
    assert.equal(stateForPlan(hidden, 'file:///b.plan').hideLinks, true);
    for (const v of [false, 'yes', 1, null]) assert.ok(!('hideLinks' in sanitizeState({ ...saved, hideLinks: v })), String(v));
    assert.ok(!('hideLinks' in stateForPlan(sanitizeState(saved), 'file:///b.plan')));
  });
});
