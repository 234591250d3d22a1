import { describe, expect, it } from 'vitest';
import { Cooldown, parseRateLimit, parseRetryAfter } from '../../src/sources/rate-limit.js';
import { FakeClock } from './fake-clock.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-09-18T12:00:00Z');
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Fri, 18 Sep 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 18 Sep 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('parseRateLimit', () => {
  it("reads Hugging Face's header, the tightest policy first", () => {
    expect(parseRateLimit('"api";r=0;t=120')).toEqual({ remaining: 0, resetSeconds: 120 });
    expect(parseRateLimit('"api";r=499;t=300')).toEqual({ remaining: 499, resetSeconds: 300 });
    expect(parseRateLimit('"api";r=10;t=60, "resolvers";r=0;t=5')).toEqual({ remaining: 0, resetSeconds: 5 });
    expect(parseRateLimit('garbage')).toBeUndefined();
    expect(parseRateLimit('"api";r=x;t=1')).toBeUndefined();
    expect(parseRateLimit(null)).toBeUndefined();
  });
});

describe('Cooldown', () => {
  it('keeps the longest hold and counts down on its clock', () => {
    const clock = new FakeClock();
    const cooldown = new Cooldown(clock);
    expect(cooldown.remainingMs()).toBe(0);
    cooldown.hold(5000);
    cooldown.hold(1000);
    clock.advance(2000);
    expect(cooldown.remainingMs()).toBe(3000);
    clock.advance(3000);
    expect(cooldown.remainingMs()).toBe(0);
  });
});
