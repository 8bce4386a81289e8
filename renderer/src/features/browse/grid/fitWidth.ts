/** "Fit": the width a column needs to show its longest value in full (38-digit numbers too). */
import { formatValue } from '../../../../../shared/dynamo/format';
import type { Item } from '../../../../../shared/dynamo/types';
import { epochOf, isoUtc } from '../../../../../shared/values/epoch';

/** Padding (8 px each side), the type badge and its gap, and the border. */
const CHROME = 56;
const MIN = 60;
const MAX = 900;
/** Rows measured: enough to find the long values without a pause on 100,000 rows. */
const SAMPLE = 5000;

let canvas: HTMLCanvasElement | null = null;

/** The width in px of `texts` in the grid cells' font, the widest one. */
function widest(texts: Iterable<string>): number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  const cell = document.querySelector('.gc[data-col]') ?? document.body;
  if (!ctx) return MAX;
  ctx.font = getComputedStyle(cell).font;
  let w = 0;
  for (const t of texts) w = Math.max(w, ctx.measureText(t).width);
  return w;
}

/** The width that shows every sampled value of `column` in full, between 60 and 900 px. */
export function fitWidth(items: readonly Item[], column: string, asDate: boolean): number {
  const texts = new Set<string>([column]);
  const n = Math.min(items.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const v = items[i]?.[column];
    if (!v) continue;
    const e = asDate && 'N' in v ? epochOf(v.N) : null;
    texts.add(e ? isoUtc(e.ms) : formatValue(v).slice(0, 400));
  }
  return Math.min(MAX, Math.max(MIN, Math.ceil(widest(texts)) + CHROME));
}
