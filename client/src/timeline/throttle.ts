/**
 * Paces the preview's updates while the user types (pure: no `vscode`, the clock is injected).
 * The first request after a pause runs at once; later ones at most once per `delay` ms, measured from
 * the start of the previous run; a request during a run or a wait is never lost (a trailing run follows),
 * and never are two runs in flight at the same time.
 */
export interface Clock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class UpdateThrottle {
  private pending = false;
  private running = false;
  private timer: unknown = undefined;
  private lastStart = Number.NEGATIVE_INFINITY;
  private disposed = false;

  /**
   * @param run   the update; its promise settling ends the run (a rejection counts as ended).
   * @param delay the minimum milliseconds between the starts of two runs, read at every request.
   */
  constructor(
    private readonly run: () => Promise<void>,
    private readonly delay: () => number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Asks for an update: now if the last one started long enough ago, else as soon as allowed. */
  request(): void {
    if (this.disposed) return;
    this.pending = true;
    this.pump();
  }

  /** A run is in flight or one is waiting for its turn. */
  get busy(): boolean {
    return this.running || this.pending;
  }

  dispose(): void {
    this.disposed = true;
    this.pending = false;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    if (this.disposed || !this.pending || this.running || this.timer !== undefined) return;
    const now = this.clock.now();
    const wait = this.lastStart + Math.max(0, this.delay()) - now;
    if (wait > 0) {
      this.timer = this.clock.setTimer(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.pending = false;
    this.running = true;
    this.lastStart = now;
    let result: Promise<void>;
    try {
      result = this.run();
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      () => this.finish(),
      () => this.finish(),
    );
  }

  private finish(): void {
    this.running = false;
    this.pump();
  }
}
