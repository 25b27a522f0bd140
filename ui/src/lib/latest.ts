// One call at a time for work that only the newest input matters to (the draft's preview and
// checks): an input given while idle runs at once, with no delay to wait out; inputs given
// while a call runs replace each other, and the last one runs when the call ends. So a
// keystroke shows as soon as the app can render it, and fast typing never queues renders.

export class Latest<T> {
  #run: (input: T) => Promise<unknown>;
  #busy = false;
  #next: { input: T } | null = null;

  constructor(run: (input: T) => Promise<unknown>) {
    this.#run = run;
  }

  push(input: T) {
    if (this.#busy) this.#next = { input };
    else void this.#start(input);
  }

  /** Drops the input waiting, if any; a call already running goes on. */
  cancel() {
    this.#next = null;
  }

  async #start(input: T) {
    this.#busy = true;
    try {
      await this.#run(input);
    } catch {
      // The caller reports its own errors; a failure must not stop the inputs after it.
    } finally {
      this.#busy = false;
      const next = this.#next;
      this.#next = null;
      if (next) void this.#start(next.input);
    }
  }
}
