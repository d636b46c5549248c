// The preview state the serializer restores after a window reload (client/src/timeline/state.ts), and
// the export command's formats and default names (client/src/timeline/exportFormats.ts).
import * as assert from 'node:assert/strict';
import { EXPORT_FORMAT_NAMES } from '../../server/src/protocol';
import { EXPORT_FORMATS, defaultExportName, exportFormatInfo } from '../../client/src/timeline/exportFormats';
import { defaultState, restoredState, stateForPlan } from '../../client/src/timeline/state';

const URI = 'file:///work/plans/website.plan';

describe('timeline preview: restored state', () => {
  it('keeps a complete state as it was saved', () => {
    const saved = { uri: URI, view: 'budget', collapsed: ['build', 'qa'], filter: { criticalOnly: true, resource: 'eve', phase: 'build' }, zoom: 12 };
    assert.deepEqual(restoredState(JSON.parse(JSON.stringify(saved))), saved);
  });

  it('names no plan: nothing to restore', () => {
    for (const raw of [undefined, null, 42, 'x', {}, { uri: '' }, { uri: 7, view: 'timeline' }]) assert.equal(restoredState(raw), undefined, JSON.stringify(raw));
  });

  it('replaces what is missing or malformed by the defaults', () => {
    assert.deepEqual(restoredState({ uri: URI }), defaultState(URI));
    const state = restoredState({ uri: URI, view: 'gantt', collapsed: ['a', 3, null, 'b'], filter: { criticalOnly: 'yes', resource: 5, phase: 'design' }, zoom: -1 });
    assert.deepEqual(state, { uri: URI, view: 'timeline', collapsed: ['a', 'b'], filter: { criticalOnly: false, resource: null, phase: 'design' } });
  });

  it('another plan keeps the view and zoom, not the groups and filters of the previous one', () => {
    const previous = restoredState({ uri: URI, view: 'resources', collapsed: ['build'], filter: { criticalOnly: true, resource: 'eve', phase: null }, zoom: 8 });
    assert.deepEqual(stateForPlan(previous, 'file:///other.plan'), { ...defaultState('file:///other.plan'), view: 'resources', zoom: 8 });
    assert.deepEqual(stateForPlan(undefined, URI), defaultState(URI));
  });

  it('hidden dependency arrows survive a reload and another plan', () => {
    const previous = restoredState({ uri: URI, view: 'timeline', collapsed: [], filter: {}, hideLinks: true });
    assert.equal(previous?.hideLinks, true);
    assert.equal(stateForPlan(previous, 'file:///other.plan').hideLinks, true);
    assert.ok(!('hideLinks' in restoredState({ uri: URI, hideLinks: 'no' })!));
  });
});

describe('timeline export formats', () => {
  it('offers every format the server exports, each once', () => {
    assert.deepEqual(EXPORT_FORMATS.map((f) => f.format).sort(), [...EXPORT_FORMAT_NAMES].sort());
    assert.equal(exportFormatInfo('pdf'), undefined);
  });

  it('proposes a name beside the plan with the format\'s extension, never the plan itself', () => {
    assert.equal(defaultExportName('/work/plans/website.plan', 'html'), 'website-timeline.html');
    assert.equal(defaultExportName('/work/plans/website.plan', 'markdown'), 'website-timeline.md');
    assert.equal(defaultExportName('/work/plans/website.plan', 'mermaid'), 'website-timeline.mmd');
    assert.equal(defaultExportName('C:\\plans\\Q3.PLAN', 'ics'), 'Q3-timeline.ics');
    assert.equal(defaultExportName('/Untitled-1', 'csv'), 'Untitled-1-timeline.csv');
  });
});
