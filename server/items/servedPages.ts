/**
 * The Items bytes of the Load all pages served to a host that splices them (the web host,
 * BackendContext.splicesItems), kept for a while so that a staging save can name a loaded row's
 * image (page id and index) instead of sending it back: staging:apply writes these exact bytes
 * as the update's original (server/staging/byRef.ts). Bounded: past `capBytes` the oldest pages
 * are evicted whole, and a save naming one of them is refused (the renderer then sends it whole).
 */
import { randomBytes } from 'node:crypto';

/**
 * Default bound: the Items bytes of about 150,000 rows of 1 KB. Loading more evicts the oldest
 * pages (their rows are sent whole when staged).
 */
export const SERVED_PAGES_CAP = 160 * 1024 * 1024;

interface ServedPage {
  connectionId: string;
  table: string;
  /** The page's Items list as DynamoDB sent it. */
  json: Uint8Array;
  /** [start, end) of each item in `json`. */
  spans: Uint32Array;
}

/** One served item: the page's connection and table, and the item's exact bytes. */
export interface ServedItem {
  connectionId: string;
  table: string;
  bytes: Buffer;
}

export class ServedPages {
  private readonly pages = new Map<string, ServedPage>();
  private bytes = 0;
  private next = 0;
  /** Page ids are unique per backend process: a renderer that outlived a restart names none. */
  private readonly prefix = randomBytes(6).toString('base64url');

  constructor(readonly capBytes = SERVED_PAGES_CAP) {}

  /** Keeps a page; returns its id (undefined when it alone is over the bound). */
  add(connectionId: string, table: string, json: Uint8Array, spans: Uint32Array): string | undefined {
    if (json.byteLength > this.capBytes) return undefined;
    const id = `${this.prefix}.${++this.next}`;
    this.pages.set(id, { connectionId, table, json, spans });
    this.bytes += json.byteLength;
    for (const [old, page] of this.pages) {
      if (this.bytes <= this.capBytes) break;
      this.pages.delete(old); // insertion order: the oldest first
      this.bytes -= page.json.byteLength;
    }
    return id;
  }

  /** Item `index` of page `id`, or undefined when the page is unknown or evicted. */
  item(id: string, index: number): ServedItem | undefined {
    const page = this.pages.get(id);
    if (!page || !Number.isInteger(index) || index < 0 || 2 * index + 1 >= page.spans.length) return undefined;
    const { json } = page;
    const at = json.byteOffset + page.spans[2 * index]!;
    const bytes = Buffer.from(json.buffer, at, page.spans[2 * index + 1]! - page.spans[2 * index]!);
    return { connectionId: page.connectionId, table: page.table, bytes };
  }

  /** Bytes held (the Items lists of the kept pages). */
  get size(): number {
    return this.bytes;
  }
}
