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
  /** The listing's answer, or undefined when the connection may not be listed ahead. */
  answer: Promise<Result | undefined>;
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
    const answer = this.mayListAhead(id).then((ok) => {
      const listing = ok ? this.call('tables:list', { connectionId: id }) : undefined;
      started();
      return listing;
    });
    this.pending = { connectionId: id, at: this.now(), answer };
    return ready;
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
