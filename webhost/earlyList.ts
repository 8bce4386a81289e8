/**
 * The table list a page asks for first, read while the page itself loads. A page's first call is
 * `tables:list` for the connection it last used, but it can only ask once its script has loaded
 * and run; the host sees the page coming earlier (the launch redirect, the document request). So
 * when an authenticated page load starts, the host lists the tables of the connection last listed
 * through it (successfully), and the page's own `tables:list` for that connection, if it comes
 * soon, gets that answer instead of starting another ListTables. Nothing is cached across page
 * loads: the answer is read at the page load, once, and used by that call only.
 */
import type { Backend } from '../server/backend';

type Result = Awaited<ReturnType<Backend['call']>>;

/** Calls that may change what a connection lists: an early listing is not used after them. */
const CHANGES_TABLES = new Set(['connections:save', 'connections:remove', 'sandbox:reset']);

interface Pending {
  connectionId: string;
  at: number;
  /** When the listing answered (this.now()), once it did. */
  answeredAt?: number;
  /** The listing's answer, or undefined when the connection may not be listed ahead. */
  answer: Promise<Result | undefined>;
}

/** An early listing's tables, as the page's HTML shows them. */
export interface EarlyTables {
  connectionId: string;
  tables: string[];
  /** How long the listing took (ms), from the page load's start. */
  ms: number;
}

export class EarlyList {
  private last: string | undefined;
  private pending: Pending | undefined;

  constructor(
    private readonly call: Backend['call'],
    /** How long after the page load started its listing may answer the page's call. */
    private readonly freshMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * An authenticated page load started: list the last listed connection's tables now. Never for a
   * connection that asks for an MFA code: nobody asked to connect yet, so no prompt may appear.
   * Resolves once the listing was started (or found not allowed).
   */
  pageLoading(): Promise<void> {
    const id = this.last;
    if (!id) return Promise.resolve();
    const p = this.pending;
    if (p && p.connectionId === id && this.now() - p.at < this.freshMs) return Promise.resolve();
    let started: () => void = () => {};
    const ready = new Promise<void>((resolve) => (started = resolve));
    const pending: Pending = { connectionId: id, at: this.now(), answer: Promise.resolve(undefined) };
    pending.answer = this.mayListAhead(id).then((ok) => {
      const listing = ok ? this.call('tables:list', { connectionId: id }) : undefined;
      started();
      void listing?.then(() => (pending.answeredAt = this.now()));
      return listing;
    });
    this.pending = pending;
    return ready;
  }

  /**
   * The page's HTML takes the early listing when it answers within `waitMs` (the page then shows
   * the tables before its script runs, and asks for none at start). A listing that failed, or is
   * not there in time, is left for the page's own call; none under way: undefined at once.
   */
  async take(waitMs: number): Promise<EarlyTables | undefined> {
    const p = this.pending;
    if (!p || this.now() - p.at >= this.freshMs) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
    const early = await Promise.race([p.answer, late]).finally(() => clearTimeout(timer));
    if (early === 'late' || early === undefined || !early.envelope.ok || this.pending !== p) return undefined;
    this.pending = undefined;
    const { tables } = early.envelope.value as { tables: string[] };
    return { connectionId: p.connectionId, tables, ms: Math.max(0, (p.answeredAt ?? this.now()) - p.at) };
  }

  /** Answers a channel call, taking the early listing (once) for the `tables:list` it was read for. */
  answer(channel: string, input: unknown): Promise<Result> {
    if (CHANGES_TABLES.has(channel)) this.pending = undefined;
    if (channel !== 'tables:list') return this.call(channel, input);
    const id = (input as { connectionId?: unknown } | null)?.connectionId;
    // Only the plain call the early listing stands for (anything else is validated as sent).
    if (typeof id !== 'string' || Object.keys(input as object).length !== 1) {
      return this.call(channel, input);
    }
    const p = this.pending;
    if (p && p.connectionId === id && this.now() - p.at < this.freshMs) {
      this.pending = undefined;
      return p.answer.then((early) => early ?? this.listed(id, this.call(channel, input)));
    }
    return this.listed(id, this.call(channel, input));
  }

  /** Only a connection whose listing worked is listed ahead at the next page load. */
  private listed(id: string, answer: Promise<Result>): Promise<Result> {
    void answer.then(({ envelope }) => {
      if (envelope.ok) this.last = id;
    });
    return answer;
  }

  private async mayListAhead(id: string): Promise<boolean> {
    const { envelope } = await this.call('connections:list', {});
    if (!envelope.ok) return false;
    const { connections } = envelope.value as { connections: { id: string; mfa?: boolean }[] };
    const info = connections.find((c) => c.id === id);
    return info !== undefined && !info.mfa;
  }
}
