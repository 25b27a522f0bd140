import { describe, expect, it } from 'vitest';
import { Latest } from './latest';

/** A call that ends when the test says so. */
function gate() {
  const calls: { input: number; end: () => void }[] = [];
  const run = (input: number) => new Promise<void>((end) => calls.push({ input, end }));
  return { calls, run };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Latest', () => {
  it('runs an input at once when idle', () => {
    const { calls, run } = gate();
    new Latest(run).push(1);
    expect(calls.map((c) => c.input)).toEqual([1]);
  });

  it('runs only the newest of the inputs given while a call runs, after it', async () => {
    const { calls, run } = gate();
    const latest = new Latest(run);
    latest.push(1);
    latest.push(2);
    latest.push(3);
    expect(calls.map((c) => c.input)).toEqual([1]);
    calls[0]?.end();
    await settle();
    expect(calls.map((c) => c.input)).toEqual([1, 3]);
    calls[1]?.end();
    await settle();
    expect(calls).toHaveLength(2);
  });

  it('drops the waiting input on cancel', async () => {
    const { calls, run } = gate();
    const latest = new Latest(run);
    latest.push(1);
    latest.push(2);
    latest.cancel();
    calls[0]?.end();
    await settle();
    expect(calls.map((c) => c.input)).toEqual([1]);
  });

  it('goes on after a call fails', async () => {
    const seen: number[] = [];
    const latest = new Latest(async (n: number) => {
      seen.push(n);
      if (n === 1) throw new Error('boom');
    });
    latest.push(1);
    latest.push(2);
    await settle();
    await settle();
    expect(seen).toEqual([1, 2]);
  });
});
