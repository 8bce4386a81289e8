/**
 * The Load all pages the web host served with an id (items:page servedPage): the host keeps their
 * bytes for a while (server/items/servedPages.ts), so a staging save can name a loaded row's
 * image by page and index instead of sending it back (stores/stagingSave.ts). One block per page
 * (its items array, the very objects the rows hold), no object per row.
 */
import type { Item } from '../../../shared/dynamo/types';

interface Block {
  page: string;
  loadId: string;
  items: readonly Item[];
}

const blocks: Block[] = [];

/** Notes a served page (the web transport calls this for each items:page event with an id). */
export function notePage(page: string, loadId: string, items: readonly Item[]): void {
  if (items.length > 0) blocks.push({ page, loadId, items });
}

/** Forgets the pages of loads no longer shown (their rows are gone from the items store). */
export function keepLoads(live: ReadonlySet<string>): void {
  let kept = 0;
  for (const b of blocks) if (live.has(b.loadId)) blocks[kept++] = b;
  blocks.length = kept;
}

/** Where each of `images` was served: [page, index] by identity (the very object parsed). */
export function servedPlaces(images: ReadonlySet<Item>): Map<Item, [string, number]> {
  const out = new Map<Item, [string, number]>();
  if (images.size === 0) return out;
  for (const b of blocks) {
    const { items } = b;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (images.has(item)) out.set(item, [b.page, i]);
    }
  }
  return out;
}

/** How many pages are noted (tests). */
export const notedPages = (): number => blocks.length;
