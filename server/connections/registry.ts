import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type { BackendEvent } from '../../shared/contract';
import { credentialsEndpointRisk } from '../../shared/contract/connections';
import type {
  ConnectionInfo,
  MfaPrompt,
  ProfileInfo,
  SaveConnectionInput,
  TestResult,
} from '../../shared/contract/connections';
import type { Sandbox } from '../sandbox/sandbox';
import { buildClient, signature, type Target } from './clients';
import { badInput, namedError, notFound } from '../errors';
import { credentialsHint } from './credentialsHint';
import { toFailedResult } from './errors';
import { MfaBroker } from './mfa';
import { fallbackRegion, profileEndpoint, readProfiles, type ProfileSnapshot } from './profiles';
import { SavedConnectionsFile, type SavedConnection } from './savedStore';

export const SANDBOX_ID = 'sandbox';
const PROFILE_PREFIX = 'profile:';

export interface ConnectionRegistryOptions {
  sandbox: Sandbox;
  dataDir: string;
  emit: (event: BackendEvent) => void;
  /** How long an MFA prompt waits for a code. */
  mfaTimeoutMs?: number;
}

/** The connection list and the SDK client behind each id. Credentials never leave this object. */
export class ConnectionRegistry {
  readonly mfa: MfaBroker;
  private readonly saved: SavedConnectionsFile;
  private readonly clients = new Map<string, { signature: string; client: DynamoDBClient }>();

  constructor(private readonly opts: ConnectionRegistryOptions) {
    this.mfa = new MfaBroker(opts.emit, opts.mfaTimeoutMs);
    this.saved = SavedConnectionsFile.inDataDir(opts.dataDir);
  }

  /** The sandbox, one connection per AWS profile, then the saved connections. */
  async list(): Promise<{
    connections: ConnectionInfo[];
    profiles: ProfileInfo[];
    pendingMfa: MfaPrompt[];
    notice?: string;
  }> {
    const [snapshot, saved] = await Promise.all([readProfiles(), this.saved.all()]);
    const s = this.opts.sandbox.status();
    const sandbox: ConnectionInfo = {
      id: SANDBOX_ID,
      name: 'Sandbox (local)',
      kind: 'sandbox',
      source: 'builtin',
      region: 'local',
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    };
    const fromProfiles = snapshot.profiles.map((p) =>
      this.info(this.profileTarget(p.name, snapshot), snapshot, 'config'),
    );
    const fromSaved = saved.map((c) => this.info(this.savedTarget(c, snapshot), snapshot, 'saved'));
    return {
      connections: [sandbox, ...fromProfiles, ...fromSaved],
      profiles: snapshot.profiles,
      pendingMfa: this.mfa.pending(),
      ...(this.saved.notice ? { notice: this.saved.notice } : {}),
    };
  }

  async profiles(): Promise<{
    profiles: ProfileInfo[];
    configFile: string;
    credentialsFile: string;
  }> {
    const { profiles, configFile, credentialsFile } = await readProfiles();
    return { profiles, configFile, credentialsFile };
  }

  /** Creates or updates a saved connection; the next client() for it is built afresh. */
  async save(input: SaveConnectionInput): Promise<ConnectionInfo> {
    const snapshot = await readProfiles();
    const record = this.validate(input, snapshot);
    const stored = await this.saved.update((list) => {
      const name = record.name.toLowerCase();
      const clash = list.find((c) => c.name.toLowerCase() === name && c.id !== input.id);
      if (clash) throw badInput(`a saved connection named "${clash.name}" already exists`, 'name');
      if (input.id === undefined) return { list: [...list, record], result: record };
      if (!list.some((c) => c.id === input.id)) throw notFound(`No saved connection "${input.id}"`);
      return { list: list.map((c) => (c.id === input.id ? record : c)), result: record };
    });
    this.drop(stored.id);
    return this.info(this.savedTarget(stored, snapshot), snapshot, 'saved');
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.saved.update((list) => {
      const rest = list.filter((c) => c.id !== id);
      return { list: rest, result: rest.length !== list.length };
    });
    this.drop(id);
    return removed;
  }

  async client(connectionId: string): Promise<DynamoDBClient> {
    if (connectionId === SANDBOX_ID) return this.opts.sandbox.client();
    const target = await this.target(connectionId);
    const sig = signature(target);
    const cached = this.clients.get(connectionId);
    if (cached?.signature === sig) return cached.client;
    cached?.client.destroy();
    const client = buildClient(target, this.mfa);
    this.clients.set(connectionId, { signature: sig, client });
    return client;
  }

  /** What to do when this connection's credentials fail mid-commit, naming its profile. */
  async credentialsHint(connectionId: string): Promise<string | undefined> {
    if (connectionId === SANDBOX_ID) return undefined;
    const target = await this.target(connectionId).catch(() => undefined);
    return target?.profile ? credentialsHint(target.profile, await readProfiles()) : undefined;
  }

  /** ListTables (Limit 1) on a connection or a draft; never throws for a connection problem. */
  async test(
    input: { connectionId: string } | { draft: SaveConnectionInput },
  ): Promise<TestResult> {
    let client: DynamoDBClient;
    let endpoint: string | undefined;
    let region: string;
    let temporary = false;
    if ('draft' in input) {
      const snapshot = await readProfiles();
      const record = this.validate(input.draft, snapshot);
      const target = this.savedTarget({ ...record, id: input.draft.id ?? 'draft' }, snapshot);
      ({ endpoint, region } = target);
      client = buildClient(target, this.mfa);
      temporary = true;
    } else {
      client = await this.client(input.connectionId);
      const resolved = await client.config.endpoint?.().catch(() => undefined);
      endpoint = resolved
        ? `${resolved.protocol}//${resolved.hostname}${resolved.port ? `:${resolved.port}` : ''}`
        : undefined;
      region = await client.config.region();
    }
    const started = Date.now();
    try {
      const out = await client.send(new ListTablesCommand({ Limit: 1 }));
      return {
        status: 'ok',
        latencyMs: Date.now() - started,
        region,
        ...(endpoint ? { endpoint } : {}),
        tables: out.TableNames ?? [],
      };
    } catch (err) {
      return toFailedResult(err, endpoint);
    } finally {
      if (temporary) client.destroy();
    }
  }

  close(): void {
    this.mfa.cancelAll();
    for (const id of [...this.clients.keys()]) this.drop(id);
  }

  private drop(id: string): void {
    this.clients.get(id)?.client.destroy();
    this.clients.delete(id);
  }

  private async target(id: string): Promise<Target> {
    const snapshot = await readProfiles();
    if (id.startsWith(PROFILE_PREFIX))
      return this.profileTarget(id.slice(PROFILE_PREFIX.length), snapshot);
    const saved = (await this.saved.all()).find((c) => c.id === id);
    if (!saved) throw notFound(`Unknown connection "${id}"`);
    return this.savedTarget(saved, snapshot);
  }

  private profileTarget(profile: string, snapshot: ProfileSnapshot): Target {
    const section = snapshot.sections.get(profile);
    if (!section)
      throw notFound(
        `No AWS profile "${profile}" in ${snapshot.configFile} or ${snapshot.credentialsFile}`,
      );
    const endpoint = profileEndpoint(section, snapshot.config);
    return {
      id: PROFILE_PREFIX + profile,
      name: profile,
      kind: 'profile',
      region: section.region || fallbackRegion(),
      profile,
      ...(endpoint ? { endpoint } : {}),
    };
  }

  private savedTarget(c: SavedConnection, snapshot: ProfileSnapshot): Target {
    const section = c.profile ? snapshot.sections.get(c.profile) : undefined;
    const endpoint =
      c.kind === 'endpoint' ? c.endpoint : section && profileEndpoint(section, snapshot.config);
    return {
      id: c.id,
      name: c.name,
      kind: c.kind,
      region: c.region || section?.region || fallbackRegion(),
      ...(c.profile ? { profile: c.profile } : {}),
      ...(endpoint ? { endpoint } : {}),
    };
  }

  private info(t: Target, snapshot: ProfileSnapshot, source: 'config' | 'saved'): ConnectionInfo {
    const p = t.profile ? snapshot.profiles.find((x) => x.name === t.profile) : undefined;
    return {
      id: t.id,
      name: t.name,
      kind: t.kind,
      source,
      region: t.region,
      ...(t.endpoint ? { endpoint: t.endpoint } : {}),
      ...(t.profile ? { profile: t.profile } : {}),
      ...(p ? { auth: p.auth, mfa: p.mfa } : {}),
    };
  }

  /** Checks what the schema cannot: the profile exists. Returns the record to store. */
  private validate(input: SaveConnectionInput, snapshot: ProfileSnapshot): SavedConnection {
    if (input.kind === 'endpoint' && input.profile !== undefined) {
      const risk = credentialsEndpointRisk(input.endpoint);
      if (risk && input.confirmCredentialsTo?.trim() !== input.endpoint.trim()) {
        throw namedError(
          'ConfirmationRequired',
          `Profile "${input.profile}" would sign requests to ${input.endpoint.trim()}: ${risk}. ` +
            'Confirm to send them there (confirmCredentialsTo: the endpoint), or remove the profile.',
          { field: 'confirmCredentialsTo' },
        );
      }
    }
    if (input.profile !== undefined && !snapshot.sections.has(input.profile)) {
      throw badInput(
        `no profile named "${input.profile}" in ${snapshot.configFile} or ${snapshot.credentialsFile}`,
        'profile',
      );
    }
    return {
      id: input.id ?? `c-${randomUUID().slice(0, 8)}`,
      name: input.name.trim(),
      kind: input.kind,
      ...(input.region ? { region: input.region.trim() } : {}),
      ...(input.profile !== undefined ? { profile: input.profile } : {}),
      ...(input.kind === 'endpoint' ? { endpoint: input.endpoint.trim() } : {}),
    };
  }
}
