/**
 * DynamoDB's write capacity, as the fault proxy charges it: write units by item size (1 KB units,
 * rounded up per item), a table capacity in WCU/s with burst credit (up to `burstSeconds` of unused
 * capacity), and a hard limit per partition (1,000 WCU/s per partition-key hash range), so that one
 * hot partition key throttles alone while the rest of the table accepts writes.
 */

export interface CapacityConfig {
  /** Provisioned write capacity of each table the model applies to, WCU/s. */
  tableWcu: number;
  /** Limit of one partition, WCU/s (DynamoDB: 1,000). */
  partitionWcu?: number;
  /** Partitions (hash ranges) per table; default: enough for `tableWcu` at `partitionWcu` each. */
  partitions?: number;
  /** Most unused capacity kept as burst credit, in seconds of `tableWcu` (DynamoDB: 300). */
  burstSeconds?: number;
  /** Credit the table starts with, in seconds of `tableWcu` (default 0: none saved yet). */
  initialCreditSeconds?: number;
  /** Tables the model applies to (default: every table). */
  tables?: string[];
}

interface Bucket {
  tokens: number;
  at: number;
}

interface TableState {
  table: Bucket;
  parts: Bucket[];
}

/** One operation's charge: its table, its partition and the units it takes. */
export interface Charge {
  table: string;
  partition: number;
  wcu: number;
}

export type Grant = 'ok' | 'table' | 'partition';

/** FNV-1a over the key value's type and text: a stable spread over hash ranges. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class CapacityModel {
  private readonly state = new Map<string, TableState>();
  private readonly partitionWcu: number;
  private readonly partitionCount: number;
  private readonly maxCredit: number;
  /** Tables not yet written are idle since the model was set up: they save credit from then. */
  private readonly startedAt: number;

  constructor(
    readonly config: CapacityConfig,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
    this.partitionWcu = config.partitionWcu ?? 1000;
    this.partitionCount =
      config.partitions ?? Math.max(1, Math.ceil(config.tableWcu / this.partitionWcu));
    this.maxCredit = config.tableWcu * Math.max(1, config.burstSeconds ?? 300);
  }

  applies(table: string): boolean {
    return !this.config.tables || this.config.tables.includes(table);
  }

  /** The partition (hash range) a partition-key value falls in. */
  partitionOf(value: unknown): number {
    const text = JSON.stringify(value ?? null);
    return Math.floor((hash32(text) / 2 ** 32) * this.partitionCount);
  }

  /** Takes every charge, or none of them when one does not fit; says which limit refused. */
  take(charges: Charge[]): Grant {
    const now = this.now();
    for (const c of charges) {
      const s = this.refilled(c.table, now);
      if (s.table.tokens < c.wcu) return 'table';
      const part = s.parts[c.partition] as Bucket;
      if (part.tokens < c.wcu) return 'partition';
    }
    // Several charges may share a bucket: check the sums before taking anything.
    const sums = new Map<Bucket, number>();
    for (const c of charges) {
      const s = this.refilled(c.table, now);
      const part = s.parts[c.partition] as Bucket;
      sums.set(s.table, (sums.get(s.table) ?? 0) + c.wcu);
      sums.set(part, (sums.get(part) ?? 0) + c.wcu);
    }
    for (const [bucket, sum] of sums) if (bucket.tokens < sum) return 'table';
    for (const [bucket, sum] of sums) bucket.tokens -= sum;
    return 'ok';
  }

  /** Corrects a charge by `delta` units once the server's own figure is known (may leave a debt). */
  adjust(table: string, partition: number, delta: number): void {
    const s = this.refilled(table, this.now());
    s.table.tokens -= delta;
    (s.parts[partition] as Bucket).tokens -= delta;
  }

  private refilled(table: string, now: number): TableState {
    let s = this.state.get(table);
    if (!s) {
      s = {
        table: {
          tokens: this.config.tableWcu * (this.config.initialCreditSeconds ?? 0),
          at: this.startedAt,
        },
        parts: Array.from({ length: this.partitionCount }, () => ({
          tokens: this.partitionWcu,
          at: this.startedAt,
        })),
      };
      this.state.set(table, s);
    }
    refill(s.table, now, this.config.tableWcu, this.maxCredit);
    for (const p of s.parts) refill(p, now, this.partitionWcu, this.partitionWcu);
    return s;
  }
}

function refill(b: Bucket, now: number, rate: number, max: number) {
  b.tokens = Math.min(max, b.tokens + ((now - b.at) / 1000) * rate);
  b.at = now;
}
