/** A one-line progress bar on a terminal (stderr), redrawn at most ten times a second. */
import type { CommitProgress } from '../server/commitEngine/types';

export interface Line {
  write(text: string): unknown;
  columns?: number;
}

export function formatProgress(p: CommitProgress, width = 24): string {
  const settled = p.done + p.failed + p.canceled;
  const frac = p.total > 0 ? settled / p.total : 1;
  const filled = Math.round(frac * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const parts = [
    `[${bar}] ${String(Math.floor(frac * 100)).padStart(3)}%`,
    `${p.done}/${p.total} written`,
  ];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.retrying > 0) parts.push(`${p.retrying} retrying`);
  if (p.canceled > 0) parts.push(`${p.canceled} canceled`);
  parts.push(`${Math.round(p.itemsPerSecond)}/s`, `${p.requests} calls`, `x${p.concurrency}`);
  return parts.join('  ');
}

export class ProgressBar {
  private shown = false;

  constructor(private readonly out: Line) {}

  update(p: CommitProgress): void {
    const cols = this.out.columns ?? 100;
    this.out.write(`\r${formatProgress(p).slice(0, cols - 1)}\x1b[K`);
    this.shown = true;
  }

  /** Clears the bar so that the summary starts on a clean line. */
  done(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
