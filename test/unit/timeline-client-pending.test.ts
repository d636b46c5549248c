// Messages held for a webview page that is not listening yet (client/src/timeline/pendingMessages.ts).
import * as assert from 'node:assert/strict';
import type { TimelineModel } from '../../server/src/language/timeline/types';
import type { HostMessage } from '../../client/src/timeline/messages';
import { PendingMessages } from '../../client/src/timeline/pendingMessages';

const model = (version: number) => ({ uri: 'file:///p.plan', version } as unknown as TimelineModel);
const settings = { renderer: 'auto', mermaidMaxTasks: 150 } as const;
const modelMessage = (version: number): HostMessage => ({ type: 'model', model: model(version), fileName: 'p.plan', settings });

describe('timeline preview: messages waiting for the page', () => {
  it('keeps one of each kind, the latest, in posting order', () => {
    const q = new PendingMessages();
    q.push({ type: 'setView', view: 'budget' });
    q.push(modelMessage(1));
    q.push({ type: 'highlight', taskId: 'a' });
    q.push(modelMessage(2));
    q.push({ type: 'setView', view: 'resources' });
    q.push({ type: 'highlight', taskId: null });
    assert.deepEqual(q.take(), [modelMessage(2), { type: 'setView', view: 'resources' }, { type: 'highlight', taskId: null }]);
    assert.deepEqual(q.take(), [], 'taken messages are gone');
  });

  it('a model and a message replace each other: only the last thing to show is sent', () => {
    const q = new PendingMessages();
    q.push(modelMessage(1));
    q.push({ type: 'message', text: 'server gone' });
    assert.deepEqual(q.take(), [{ type: 'message', text: 'server gone' }]);
    q.push({ type: 'message', text: 'server gone' });
    q.push(modelMessage(3));
    assert.deepEqual(q.take(), [modelMessage(3)]);
  });

  it('says whether something to show or a kind is waiting', () => {
    const q = new PendingMessages();
    assert.equal(q.hasContent, false);
    q.push({ type: 'highlight', taskId: 'x' });
    assert.equal(q.hasContent, false);
    assert.equal(q.has('highlight'), true);
    assert.equal(q.has('setView'), false);
    q.push({ type: 'message', text: 'not a plan' });
    assert.equal(q.hasContent, true);
  });
});
