/**
 * Input-to-pixels timing inside the page. An init script (installed in every document of a
 * context) watches the DOM for a condition; once it holds, the next animation frame paints it,
 * and a task queued from that frame's callback runs after the paint: that moment is the end.
 * The start is the trusted input event's own timestamp (the click), or the navigation start for
 * a page load. Times are epoch milliseconds (timeOrigin + now), so a click in one document and
 * the rows painted in the next (dynamodb-admin navigates) compare. State lives in sessionStorage.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** What the DOM shows when the result is there: an element matching `sel`, whose text has `text` (a list: all of them). */
export interface Cond {
  sel: string;
  text?: string;
}

export interface Timed {
  start: number;
  /** The condition first held (DOM updated). */
  seen: number;
  /** After the frame that paints it. */
  end: number;
  /** When each condition of a list last began to hold (DOM updated), in the list's order. */
  firsts: number[];
}

const SCRIPT = String.raw`
(() => {
  // tsx compiles functions handed to page.evaluate with keepNames: they call __name.
  window.__name = (f) => f;
  const KEY = 'dynostage.bench';
  const read = () => JSON.parse(sessionStorage.getItem(KEY) || 'null');
  const write = (s) => sessionStorage.setItem(KEY, JSON.stringify(s));
  const now = () => performance.timeOrigin + performance.now();
  let observer = null;
  const holds = (cs) => (Array.isArray(cs) ? cs : [cs]).every(holdsOne);
  const holdsOne = (c) => {
    for (const el of document.querySelectorAll(c.sel)) {
      if (c.text === undefined || (el.textContent || '').includes(c.text)) return true;
    }
    return false;
  };
  const watch = () => {
    if (observer) observer.disconnect();
    observer = null;
    const s = read();
    if (!s || s.end) return;
    let done = false;
    const list = Array.isArray(s.cond) ? s.cond : [s.cond];
    const firsts = list.map(() => 0);
    const check = () => {
      if (done) return;
      // When each condition last began to hold (one that held before the click and went away,
      // as a save state does while saving, counts from its return).
      list.forEach((c, i) => {
        if (!holdsOne(c)) firsts[i] = 0;
        else if (!firsts[i]) firsts[i] = now();
      });
      if (!holds(s.cond)) return;
      done = true;
      if (observer) observer.disconnect();
      const seen = now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          const cur = read();
          if (cur && !cur.end) write({ ...cur, seen, end: now(), firsts });
        }, 0),
      );
    };
    observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  };
  window.__benchArm = (cond, fromNavigation) => {
    write({ cond, start: fromNavigation ? performance.timeOrigin : null });
    watch();
  };
  addEventListener(
    'click',
    (e) => {
      const s = read();
      if (s && s.start === null && e.isTrusted) write({ ...s, start: performance.timeOrigin + e.timeStamp });
    },
    true,
  );
  const boot = window.__benchBoot;
  if (boot && !read()) window.__benchArm(boot, true);
  else watch();
})();
`;

/** Installs the timing script in every document of the context. */
export async function installTiming(context: BrowserContext, bootCond?: Cond): Promise<void> {
  const boot = bootCond ? `window.__benchBoot = ${JSON.stringify(bootCond)};\n` : '';
  await context.addInitScript({ content: boot + SCRIPT });
}

/** Arms the watch in the current document; the next trusted click starts the clock. */
export async function arm(page: Page, cond: Cond | Cond[]): Promise<void> {
  await page.evaluate(
    (c) =>
      (window as unknown as { __benchArm(c: Cond | Cond[], nav: boolean): void }).__benchArm(
        c,
        false,
      ),
    cond,
  );
}

/** Waits (across navigations) until the armed condition was painted. */
export async function result(page: Page, timeoutMs = 120_000): Promise<Timed> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const s = await page.evaluate(
        () =>
          JSON.parse(sessionStorage.getItem('dynostage.bench') ?? 'null') as
            (Timed & { start: number | null }) | null,
      );
      if (s?.end && s.start !== null) return { start: s.start, seen: s.seen, end: s.end, firsts: s.firsts ?? [] };
    } catch (err) {
      if (page.isClosed()) throw err;
      // The document is being replaced (a navigation): ask the next one.
    }
    if (Date.now() > until) throw new Error('timed out waiting for the measured result to paint');
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Arms `cond`, runs `act` (which clicks), and returns click-to-paint milliseconds. */
export async function clickToPaint(
  page: Page,
  cond: Cond | Cond[],
  act: () => Promise<void>,
  timeoutMs?: number,
): Promise<number> {
  return (await clickToPaintEach(page, cond, act, timeoutMs)).ms;
}

/** clickToPaint, with the milliseconds from the click until each condition (last) began to hold. */
export async function clickToPaintEach(
  page: Page,
  cond: Cond | Cond[],
  act: () => Promise<void>,
  timeoutMs?: number,
): Promise<{ ms: number; firsts: number[] }> {
  await arm(page, cond);
  await act();
  const t = await result(page, timeoutMs);
  return { ms: t.end - t.start, firsts: t.firsts.map((f) => f - t.start) };
}
