/**
 * Call-wide errors pause a commit instead of failing items: a table the credentials may not write
 * (or that is missing) stops sending to that table; failing credentials stop everything. What is
 * not written stays staged and in the journal, with a reason that says what to do; Resume goes on.
 */
import type { CallFailure } from './errors';

type CallWide = Extract<CallFailure, { kind: 'callWide' }>;

export class Pauses {
  private readonly tables = new Map<string, string>();
  all: string | null = null;

  constructor(private readonly credentialsHint?: string) {}

  /** Why operations on `table` are paused, or null when they may be sent. */
  reasonFor(table: string): string | null {
    return this.all ?? this.tables.get(table) ?? null;
  }

  get any(): boolean {
    return this.all !== null || this.tables.size > 0;
  }

  /** Records the pause `f` implies for `table` and returns its reason. */
  pause(f: CallWide, table: string | undefined): string {
    if (f.scope === 'credentials' || table === undefined) {
      // The connection's own hint (its profile named) always; the generic one unless the SDK's
      // message already says to log in.
      const hint = this.credentialsHint
        ? ` ${this.credentialsHint},`
        : /sso login/i.test(f.label)
          ? ''
          : ' Refresh the credentials (for an SSO profile: aws sso login --profile NAME),';
      this.all ??= `paused: the connection's credentials failed (${f.label}).${hint} then Resume.`;
      return this.all;
    }
    const what = /^ResourceNotFound/.test(f.label)
      ? `table ${table} was not found (${f.label}). Create it, then Resume.`
      : `not authorized to write ${table} (${f.label}). Fix the permissions, then Resume.`;
    const reason = `paused: ${what}`;
    if (!this.tables.has(table)) this.tables.set(table, reason);
    return this.tables.get(table) as string;
  }
}
