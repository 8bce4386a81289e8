import { expect, test } from 'vitest';
import { seededRandom } from '../../test-support/faultProxy/proxy';
import { RatePacer } from './pace';

interface Server {
  /** Items of `n` accepted at time `at` (ms). */
  take(n: number, at: number): number;
}

/** A token bucket of `perSecond` items, `burst` deep, as the fault proxy and DynamoDB keep. */
function bucket(perSecond: number, burst = 50): Server {
  let tokens = burst;
  let at = 0;
  return {
    take(n, now) {
      tokens = Math.min(burst, tokens + ((now - at) / 1000) * perSecond);
      at = now;
      const granted = Math.min(n, Math.floor(tokens));
      tokens -= granted;
      return granted;
    },
  };
}

/** Loss that has nothing to do with the rate: each item refused with probability `p`. */
function randomLoss(p: number, seed = 1): Server {
  const random = seededRandom(seed);
  return {
    take(n) {
      let ok = 0;
      for (let i = 0; i < n; i++) if (random() >= p) ok++;
      return ok;
    },
  };
}

/**
 * The fault mix of the executor's 10,000-operation test: each item refused with probability
 * `p`, and besides, whole calls refused (throttled) with probability `q`, which makes the loss
 * come in lumps of 25.
 */
function faults(p: number, q: number, seed = 1): Server {
  const random = seededRandom(seed);
  const items = randomLoss(p, seed + 1);
  return { take: (n, at) => (random() < q ? 0 : items.take(n, at)) };
}

/**
 * Requests of 25 items, at most `inFlight` at once, each answered `rttMs` later; the server
 * decides at the half-way point. Returns the items sent and accepted (all, and from `steadyMs`
 * on), and the pacer.
 */
function simulate(server: Server, ms: number, opts = { inFlight: 8, rttMs: 20, steadyMs: 2000 }) {
  const pacer = new RatePacer();
  const pending: { at: number; seq: number; sent: number; accepted: number }[] = [];
  let seq = 0;
  let sent = 0;
  let accepted = 0;
  const steady = { sent: 0, accepted: 0 };
  for (let now = 0; now < ms; now += 0.5) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i];
      if (p && p.at <= now) {
        pending.splice(i, 1);
        pacer.onResponse(
          { sent: p.sent, accepted: p.accepted, rttMs: opts.rttMs },
          p.seq,
          seq,
          now,
        );
      }
    }
    while (pending.length < opts.inFlight && pacer.delay(now) === 0) {
      pacer.spend(25, now);
      const ok = server.take(25, now + opts.rttMs / 2);
      pending.push({ at: now + opts.rttMs, seq: ++seq, sent: 25, accepted: ok });
      sent += 25;
      accepted += ok;
      if (now >= opts.steadyMs) {
        steady.sent += 25;
        steady.accepted += ok;
      }
    }
  }
  return { pacer, sent, accepted, steady };
}

test('off until the server pushes back: no delay, no limit', () => {
  const { pacer, sent, accepted } = simulate({ take: (n) => n }, 2000);
  expect(pacer.rate).toBe(Infinity);
  expect(pacer.delay(0)).toBe(0);
  expect(accepted).toBe(sent);
  // 8 in flight, 20 ms each: 10,000 items/s.
  expect(sent).toBeGreaterThan(19_000);
});

test('against a capacity it keeps the server busy and sends little more than it takes', () => {
  for (const capacity of [500, 2000, 5000]) {
    const { pacer, sent, accepted, steady } = simulate(bucket(capacity), 10_000);
    expect(accepted).toBeGreaterThan(capacity * 10 * 0.9);
    // Unpaced, 8 in flight would send 100,000 items; paced, about a tenth more than accepted
    // once settled, and the unpaced start (100 ms at 10,000 items/s) is soon made up for.
    expect(steady.sent / steady.accepted).toBeLessThan(1.2);
    expect(sent / accepted).toBeLessThan(1.4);
    expect(pacer.rate).toBeGreaterThan(capacity * 0.9);
    expect(pacer.rate).toBeLessThan(capacity * 1.4);
    expect(pacer.background).toBeLessThan(0.1);
  }
});

test('loss that does not depend on the rate is not paced for: it becomes the background', () => {
  const { pacer, sent, accepted } = simulate(randomLoss(0.3), 10_000);
  expect(pacer.rate).toBe(Infinity);
  expect(pacer.background).toBeGreaterThan(0.2);
  expect(accepted / sent).toBeCloseTo(0.7, 1);
  // The tests cost little: nearly the unpaced 100,000 items went out.
  expect(sent).toBeGreaterThan(85_000);
});

test('lumpy loss that does not depend on the rate (throttled calls) is not paced for either', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const { pacer, sent, accepted } = simulate(faults(0.3, 0.1, seed), 10_000);
    expect(accepted / sent).toBeCloseTo(0.63, 1);
    // A false alarm now and then costs a short test, no more: nearly all of the unpaced 100,000.
    expect(sent).toBeGreaterThan(85_000);
    expect(pacer.background).toBeGreaterThan(0.2);
  }
});

test('a capacity behind lumpy loss: the capacity stays busy', () => {
  for (const seed of [1, 2, 3]) {
    const cap = bucket(2000);
    const f = faults(0.3, 0.1, seed);
    const server: Server = { take: (n, at) => cap.take(f.take(n, at), at) };
    const { accepted } = simulate(server, 10_000);
    // A third of the items lost at random, a tenth of the calls whole: windows are so noisy that
    // the pace sits under the capacity at times; it must never get stuck far below it (a pacer
    // that ratchets down on such loss ends near a quarter of it).
    expect(accepted).toBeGreaterThan(2000 * 10 * 0.6);
  }
});

test('a capacity behind random loss: paced so that the capacity, not the loss, is the limit', () => {
  const random = randomLoss(0.3, 7);
  const cap = bucket(2000);
  const server: Server = { take: (n, at) => cap.take(random.take(n, at), at) };
  const { accepted } = simulate(server, 10_000);
  expect(accepted).toBeGreaterThan(2000 * 10 * 0.85);
});

test('spending paces the next request; an idle spell allows one request at once', () => {
  const { pacer } = simulate(bucket(2000), 3000);
  const rate = pacer.rate;
  expect(rate).toBeLessThan(3000);
  const now = 10_000;
  expect(pacer.delay(now)).toBe(0);
  pacer.spend(25, now);
  expect(pacer.delay(now)).toBe(0);
  pacer.spend(25, now);
  expect(pacer.delay(now)).toBe(Math.ceil((25 / rate) * 1000));
  expect(pacer.delay(now + (25 / rate) * 1000 + 1)).toBe(0);
});
