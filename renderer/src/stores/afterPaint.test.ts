import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { afterPaint } from './afterPaint';

describe('afterPaint', () => {
  let frames: FrameRequestCallback[];
  let background: (() => void)[];
  const paintFrame = () => {
    for (const cb of frames.splice(0)) cb(0);
  };
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    background = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('scheduler', {
      postTask: (run: () => void) => {
        background.push(run);
        return Promise.resolve();
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  test('runs after the paint, behind a task the same frame queued (a marker, a deferred render)', () => {
    const order: string[] = [];
    afterPaint(() => order.push('save'));
    // Registered after the save's frame callback, as a paint observer or React would be.
    requestAnimationFrame(() => setTimeout(() => order.push('marker'), 0));
    expect(order).toEqual([]);
    paintFrame();
    vi.advanceTimersByTime(0);
    for (const run of background.splice(0)) run();
    expect(order).toEqual(['marker', 'save']);
    vi.advanceTimersByTime(100);
    expect(order).toEqual(['marker', 'save']); // once
  });

  test('without a scheduler, two timer turns later: still behind the frame’s tasks', () => {
    vi.stubGlobal('scheduler', undefined);
    const order: string[] = [];
    afterPaint(() => order.push('save'));
    requestAnimationFrame(() => setTimeout(() => order.push('marker'), 0));
    paintFrame();
    vi.advanceTimersByTime(2);
    expect(order).toEqual(['marker', 'save']);
  });

  test('a long render before the frame does not put it in front of the frame’s tasks', () => {
    const order: string[] = [];
    afterPaint(() => order.push('save'));
    vi.advanceTimersByTime(120); // the render that the frame then paints
    requestAnimationFrame(() => setTimeout(() => order.push('marker'), 0));
    paintFrame();
    vi.advanceTimersByTime(1);
    for (const run of background.splice(0)) run();
    expect(order).toEqual(['marker', 'save']);
  });

  test('runs 50 ms after the frame when background tasks starve', () => {
    const run = vi.fn();
    afterPaint(run);
    paintFrame();
    vi.advanceTimersByTime(49);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    for (const r of background.splice(0)) r();
    vi.advanceTimersByTime(300);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('runs within 250 ms when no frame comes (a hidden page)', () => {
    const run = vi.fn();
    afterPaint(run);
    vi.advanceTimersByTime(249);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
