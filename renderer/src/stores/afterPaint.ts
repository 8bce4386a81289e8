/**
 * Work nobody waits for (an undo's save): after the next paint, behind the tasks that frame
 * queued. A task queued from the frame's callbacks (a deferred render, a paint observer) comes
 * first: the save's serialising of 10,000 entries must not stand between the frame and them.
 */

interface Scheduler {
  postTask(run: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/** Queues `run` as a task behind those already queued: background priority where there is one. */
function behindQueued(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    void scheduler.postTask(run, { priority: 'background' }).catch(() => undefined);
  } else setTimeout(() => setTimeout(run, 0), 0);
}

/**
 * Runs `run` once: after the next paint, behind the tasks queued by then; at the latest 50 ms
 * after that frame (a busy main thread starves background tasks), or 250 ms after the call when
 * no frame comes (a hidden page). The latter is long enough for the render before a frame: a
 * shorter one fired during it and put the save back in front of the frame's tasks.
 */
export function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => {
      behindQueued(once);
      setTimeout(once, 50);
    });
  }
  setTimeout(once, 250);
}
