import { describe, expect, it } from 'vitest';
import { DeploymentTurn } from '../../src/library/deployment-turn.js';
import { Leadership } from '../../src/library/leadership.js';
import { createLogger } from '../../src/logger.js';
import { StoreClaims } from '../../src/store/claims.js';
import { holdLease, leaseHolder, releaseLease } from '../../src/store/leases.js';
import type { Store } from '../../src/store/open-store.js';
import { freshStores, testEngines } from '../helpers/databases.js';

const logger = createLogger({ level: 'silent' });
const T0 = new Date('2026-12-01T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testEngines('claims and leases'))('claims and leases on $name', ({ name, skip, fresh }) => {
  const stores = freshStores(fresh);
  async function twoConnections(): Promise<[Store, Store]> {
    const first = await stores.open();
    return [first, await stores.another(first)];
  }

  it.skipIf(skip)('a claim is one caller’s until it expires or is released; kinds do not collide', async () => {
    const [one, two] = await twoConnections();
    let now = T0.getTime();
    const clock = () => now;
    const events = [new StoreClaims(one, 'event', 60_000, clock), new StoreClaims(two, 'event', 60_000, clock)] as const;
    const results = await Promise.all([events[0].claim('Ev1'), events[1].claim('Ev1'), events[0].claim('Ev1'), events[1].claim('Ev1')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await new StoreClaims(two, 'share-click', 60_000, clock).claim('Ev1')).toBe(true);
    now += 59_000;
    expect(await events[1].claim('Ev1')).toBe(false);
    now += 2_000;
    expect(await events[1].claim('Ev1')).toBe(true);
    await events[1].release('Ev1');
    expect(await events[0].claim('Ev1')).toBe(true);
  });

  it.skipIf(skip)('a lease has one holder; it is renewed by its holder, and free once expired or released', async () => {
    const [one, two] = await twoConnections();
    expect(await holdLease(one, 'jobs', 'A', 30_000, T0)).toBe(true);
    expect(await holdLease(two, 'jobs', 'B', 30_000, later(1_000))).toBe(false);
    expect(await holdLease(one, 'jobs', 'A', 30_000, later(20_000))).toBe(true);
    // Renewed at 20 s: still A's at 45 s, B's after 50 s.
    expect(await holdLease(two, 'jobs', 'B', 30_000, later(45_000))).toBe(false);
    expect(await holdLease(two, 'jobs', 'B', 30_000, later(50_000))).toBe(true);
    expect(await leaseHolder(one, 'jobs', later(50_001))).toBe('B');
    await releaseLease(one, 'jobs', 'A'); // not A's: nothing happens
    expect(await leaseHolder(one, 'jobs', later(50_001))).toBe('B');
    await releaseLease(two, 'jobs', 'B');
    expect(await holdLease(one, 'jobs', 'A', 30_000, later(50_002))).toBe(true);
  });

  it.skipIf(skip)('two leaderships: one leads; when it stops, the other leads', async () => {
    const [one, two] = await twoConnections();
    const options = { name: 'jobs', ttlMs: 30_000, renewMs: 50, logger };
    const first = new Leadership({ ...options, store: one, holder: 'A' });
    const second = new Leadership({ ...options, store: two, holder: 'B' });
    const firstGained = new Promise<void>((resolve) => first.once('gained', resolve));
    first.start();
    await firstGained;
    second.start();
    const secondGained = new Promise<void>((resolve) => second.once('gained', resolve));
    const firstLost = new Promise<void>((resolve) => first.once('lost', resolve));
    await first.stop();
    await firstLost;
    await secondGained;
    expect([first.isLeader, second.isLeader]).toEqual([false, true]);
    await second.stop();
  });

  // NOTE: Postgres only, as in watches.test.ts: two SQLite connections in one process cannot wait for each other.
  it.skipIf(skip || name === 'sqlite')('the deployment’s arXiv turn: one request at a time across instances, spaced by the interval', async () => {
    const [one, two] = await twoConnections();
    const options = { name: 'arxiv', minIntervalMs: 100, maxTaskMs: 5_000, pollMs: 10 };
    const turns = [new DeploymentTurn({ ...options, store: one, holder: 'A' }), new DeploymentTurn({ ...options, store: two, holder: 'B' })];
    const spans: { start: number; end: number }[] = [];
    const task = async () => {
      const start = Date.now();
      await new Promise((resolve) => setImmediate(resolve));
      spans.push({ start, end: Date.now() });
    };
    await Promise.all([0, 1, 2, 3].map((i) => turns[i % 2]!.run(task)));
    spans.sort((x, y) => x.start - y.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start - spans[i - 1]!.end).toBeGreaterThanOrEqual(100);
  });

  it.skipIf(skip || name === 'sqlite')('the arXiv turn is first come, first served: a waiting instance goes before the leader’s next request', async () => {
    const [one, two] = await twoConnections();
    const options = { name: 'arxiv', minIntervalMs: 100, maxTaskMs: 5_000, pollMs: 10 };
    const leader = new DeploymentTurn({ ...options, store: one, holder: 'leader' });
    const follower = new DeploymentTurn({ ...options, store: two, holder: 'follower' });
    const order: string[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    // The leader's catch-up: five requests one after another, as its own gate sends them.
    const catchUp = (async () => {
      for (let i = 0; i < 5; i++) {
        await leader.run(async () => {
          order.push(`leader ${i}`);
          if (i === 0) firstStarted();
        });
      }
    })();
    await started;
    await follower.run(async () => {
      order.push('follower');
    });
    await catchUp;
    expect(order.indexOf('follower')).toBeLessThanOrEqual(2);
  });

  it.skipIf(skip)('a leader whose store stops answering gives up before its lease runs out, so two never lead at once', async () => {
    const [one] = await twoConnections();
    let hang = false;
    // The store as Leadership sees it: real until `hang`, then every lease write waits forever.
    const stuck = new Proxy({}, { get: (_target, prop) => (prop === 'executeTakeFirst' ? () => new Promise(() => {}) : () => stuck) });
    const db = new Proxy(one.db, {
      get: (target, prop) => {
        if (hang && prop === 'insertInto') return () => stuck;
        const value = Reflect.get(target, prop, target);
        // Kysely's methods read private fields: call them on the real object.
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const leadership = new Leadership({ store: { db } as typeof one, name: 'jobs', holder: 'A', ttlMs: 1_000, renewMs: 200, logger });
    const gained = new Promise<void>((resolve) => leadership.once('gained', resolve));
    leadership.start();
    await gained;
    const lost = new Promise<void>((resolve) => leadership.once('lost', resolve));
    hang = true;
    await lost;
    // Given up while the lease is still ours in the store: nobody else can lead yet.
    expect(await leaseHolder(one, 'jobs')).toBe('A');
    await leadership.stop();
  });
});
