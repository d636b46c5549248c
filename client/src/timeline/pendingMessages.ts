/**
 * Messages for a webview page that is not listening yet (loading, or hidden and reloaded): kept until
 * the page says `ready`, then sent in order. Only the latest of each kind matters, so a newer one
 * replaces an older one still waiting (a model and a message replace each other: both are "what to
 * show"). Pure: no `vscode`.
 */
import type { HostMessage } from './messages';

function isContent(m: HostMessage): boolean {
  return m.type === 'model' || m.type === 'message';
}

export class PendingMessages {
  private queue: HostMessage[] = [];

  push(message: HostMessage): void {
    this.queue = this.queue.filter((m) => (isContent(message) ? !isContent(m) : m.type !== message.type));
    this.queue.push(message);
  }

  /** Whether something to show (a model or a message) is waiting. */
  get hasContent(): boolean {
    return this.queue.some(isContent);
  }

  has(type: HostMessage['type']): boolean {
    return this.queue.some((m) => m.type === type);
  }

  /** The waiting messages in the order they were posted; the queue is empty afterwards. */
  take(): HostMessage[] {
    const taken = this.queue;
    this.queue = [];
    return taken;
  }
}
