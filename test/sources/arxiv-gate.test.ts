import { describe, expect, it } from 'vitest';
import { ArxivGate, sharedArxivGate } from '../../src/sources/arxiv-gate.js';
import { deferred, FakeClock } from './fake-clock.js';

/** A gate on a fake clock, and tasks that record when they start and finish when the test says. */
function harness(minIntervalMs = 3000) {
  const clock = new FakeClock();
  const gate = new ArxivGate({ minIntervalMs, clock });
  const starts: { name: string; at: number }[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const task = (name: string) => {
    const done = deferred<string>();
    const run = () => {
      starts.push({ name, at: clock.now() });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      for (const w of waiters.filter((w) => starts.length >= w.count)) w.resolve();
      return done.promise.finally(() => {
        inFlight -= 1;
      });
    };
    return { run, finish: (value = name) => done.resolve(value), fail: (error: unknown) => done.reject(error) };
  };
  /** Resolves when `count` tasks have started. */
  const started = (count: number) => (starts.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })));
  return { clock, gate, starts, task, started, maxInFlight: () => maxInFlight };
}

describe('ArxivGate', () => {
  it('starts the first request at once and the next one no earlier than the interval after the first finished', async () => {
    const { clock, gate, starts, task, started } = harness(3000);
    const a = task('a');
    const b = task('b');
    const ra = gate.run(a.run);
    const rb = gate.run(b.run);
    await started(1);
    expect(starts).toEqual([{ name: 'a', at: 0 }]);

    clock.advance(500); // a takes half a second
    a.finish();
    await expect(ra).resolves.toBe('a');
    await clock.sleeping();
    clock.advance(2999);
    expect(starts).toHaveLength(1);
    clock.advance(1);
    await started(2);
    // Measured from a's end (500), not its start (0): the quiet gap is the whole interval.
    expect(starts[1]).toEqual({ name: 'b', at: 3500 });
    b.finish();
    await expect(rb).resolves.toBe('b');
  });

  it('runs queued callers one at a time, in arrival order, each spaced from the previous end', async () => {
    const { clock, gate, starts, task, started, maxInFlight } = harness(3000);
    const tasks = ['a', 'b', 'c', 'd'].map(task);
    const runs = tasks.map((t) => gate.run(t.run));
    for (const [i, t] of tasks.entries()) {
      if (i > 0) {
        await clock.sleeping();
        clock.advance(3000);
      }
      await started(i + 1);
      clock.advance(100 * (i + 1));
      t.finish();
    }
    await Promise.all(runs);
    expect(starts.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(maxInFlight()).toBe(1);
    // Ends: 100, 3300, 6600, 10000 → starts 0, 3100, 6300, 9600.
    expect(starts.map((s) => s.at)).toEqual([0, 3100, 6300, 9600]);
  });

  it('a failed request still counts and releases the gate', async () => {
    const { clock, gate, starts, task, started } = harness(1000);
    const a = task('a');
    const b = task('b');
    const ra = gate.run(a.run);
    const rb = gate.run(b.run);
    await started(1);
    a.fail(new Error('boom'));
    await expect(ra).rejects.toThrow('boom');
    await clock.sleeping();
    clock.advance(1000);
    await started(2);
    expect(starts[1]!.at).toBe(1000);
    b.finish();
    await rb;
  });

  it('an abort while queued rejects that caller only; its task never runs and the next keeps its place', async () => {
    const { clock, gate, starts, task, started } = harness(1000);
    const a = task('a');
    const b = task('b');
    const c = task('c');
    const ra = gate.run(a.run);
    const controller = new AbortController();
    const rb = gate.run(b.run, controller.signal);
    const rc = gate.run(c.run);
    await started(1);
    controller.abort(new Error('caller gave up'));
    await expect(rb).rejects.toThrow('caller gave up');
    expect(starts).toHaveLength(1); // c still waits for a
    a.finish();
    await ra;
    await clock.sleeping();
    clock.advance(1000);
    await started(2);
    expect(starts.map((s) => s.name)).toEqual(['a', 'c']);
    c.finish();
    await rc;
  });

  it('an abort during the spacing wait gives the turn on without counting as a request', async () => {
    const { clock, gate, starts, task, started } = harness(1000);
    const a = task('a');
    await Promise.all([gate.run(a.run), started(1).then(() => a.finish())]);
    const controller = new AbortController();
    const rb = gate.run(task('b').run, controller.signal);
    await clock.sleeping();
    controller.abort(new Error('stop'));
    await expect(rb).rejects.toThrow('stop');
    const c = task('c');
    const rc = gate.run(c.run);
    await clock.sleeping();
    clock.advance(1000);
    await started(2);
    expect(starts.map((s) => [s.name, s.at])).toEqual([
      ['a', 0],
      ['c', 1000],
    ]);
    c.finish();
    await rc;
  });

  it('is one gate per arXiv origin for the whole process; a stricter interval wins', () => {
    const gate = sharedArxivGate('http://gate-test.invalid/api/query', 200);
    expect(sharedArxivGate('http://gate-test.invalid/other', 100)).toBe(gate);
    expect(gate.minIntervalMs).toBe(200);
    sharedArxivGate('http://gate-test.invalid/api/query', 500);
    expect(gate.minIntervalMs).toBe(500);
    expect(sharedArxivGate('http://other-gate.invalid/api/query', 200)).not.toBe(gate);
  });
});
