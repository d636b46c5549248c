// The preview's update pacing (client/src/timeline/throttle.ts) on a hand-driven clock: which requests
// start a fetch at once, which wait, that the last request is never lost and that fetches never overlap.
import * as assert from 'node:assert/strict';
import { UpdateThrottle, type Clock } from '../../client/src/timeline/throttle';

class ManualClock implements Clock {
  time = 1_000;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimer(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  get pendingTimers(): number {
    return this.timers.length;
  }
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
}

/** A run the test finishes by hand (like a request to the server). */
class Runs {
  started: number[] = [];
  private finishers: (() => void)[] = [];
  constructor(private readonly clock: ManualClock) {}
  run = (): Promise<void> => {
    this.started.push(this.clock.now());
    return new Promise<void>((resolve) => this.finishers.push(resolve));
  };
  get inFlight(): number {
    return this.finishers.length;
  }
  async finish(): Promise<void> {
    const f = this.finishers.shift();
    assert.ok(f, 'no run in flight');
    f();
    // Let the throttle's promise handlers run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

describe('timeline preview update throttle', () => {
  let clock: ManualClock;
  let runs: Runs;
  let throttle: UpdateThrottle;

  beforeEach(() => {
    clock = new ManualClock();
    runs = new Runs(clock);
    throttle = new UpdateThrottle(runs.run, () => 150, clock);
  });

  it('runs the first request after a pause at once', () => {
    throttle.request();
    assert.deepEqual(runs.started, [1_000]);
  });

  it('never runs two at once: a request during a run waits for it, then for the delay', async () => {
    throttle.request();
    clock.advance(50);
    throttle.request();
    assert.equal(runs.inFlight, 1);
    clock.advance(200);
    assert.equal(runs.started.length, 1, 'still one run: the first has not finished');
    await runs.finish();
    // 250 ms since the first start > 150: the trailing run starts as soon as the first ended.
    assert.deepEqual(runs.started, [1_000, 1_250]);
  });

  it('paces a burst of requests to one run per delay and keeps the last', async () => {
    throttle.request(); // t=1000, runs
    await runs.finish();
    for (let t = 0; t < 10; t++) {
      clock.advance(10);
      throttle.request(); // t=1010..1100: within the delay, they collapse into one trailing run
    }
    assert.equal(runs.started.length, 1);
    assert.equal(clock.pendingTimers, 1, 'one timer for the trailing run');
    clock.advance(49); // t=1149
    assert.equal(runs.started.length, 1);
    clock.advance(1); // t=1150 = first start + 150
    assert.deepEqual(runs.started, [1_000, 1_150]);
    await runs.finish();
    clock.advance(1_000);
    assert.equal(runs.started.length, 2, 'no run without a request');
  });

  it('a request after the run, once the delay has passed, runs at once again', async () => {
    throttle.request();
    await runs.finish();
    clock.advance(500);
    throttle.request();
    assert.deepEqual(runs.started, [1_000, 1_500]);
  });

  it('a failed run does not stop later ones', async () => {
    let fail = true;
    const started: number[] = [];
    const t = new UpdateThrottle(() => {
      started.push(clock.now());
      if (fail) {
        fail = false;
        return Promise.reject(new Error('server gone'));
      }
      return Promise.resolve();
    }, () => 100, clock);
    t.request();
    t.request();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    clock.advance(100);
    assert.deepEqual(started, [1_000, 1_100]);
  });

  it('reads the delay at every request (a changed setting applies at once)', async () => {
    let delay = 1_000;
    const t = new UpdateThrottle(runs.run, () => delay, clock);
    t.request();
    await runs.finish();
    t.request();
    clock.advance(100);
    assert.equal(runs.started.length, 1);
    t.dispose();
    delay = 0;
    const u = new UpdateThrottle(runs.run, () => delay, clock);
    u.request();
    await runs.finish();
    u.request();
    assert.equal(runs.started.length, 3, 'delay 0: every request runs once the previous has finished');
  });

  it('does nothing after dispose', () => {
    throttle.request();
    throttle.request();
    throttle.dispose();
    clock.advance(1_000);
    assert.equal(runs.started.length, 1);
    assert.equal(clock.pendingTimers, 0);
    throttle.request();
    assert.equal(runs.started.length, 1);
  });
});
