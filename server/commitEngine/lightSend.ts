/**
 * A lighter sender for the guarded lane's single-item calls. The SDK's middleware stack (endpoint
 * rules, retry bookkeeping, schema-driven serde, user agent) costs more client CPU per call than the
 * call's own work at a few thousand calls a second. Here the JSON body (already written by
 * wire.ts) is signed with the client's own SigV4 signer (its credential provider, region, clock
 * offset) and posted over a keep-alive agent to the endpoint the SDK itself resolved for this
 * client (captured from the first calls, which go through the SDK). Answers are parsed raw
 * (JSON.parse: `__proto__` stays an attribute) and errors are shaped as the SDK shapes them (name,
 * message, $fault, $metadata.httpStatusCode; transport errors as Node gives them, a request
 * timeout as TimeoutError), so that commit/errors.ts classifies them exactly as before.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { HttpRequest, RequestSigner } from '@smithy/types';
import http from 'node:http';
import https from 'node:https';
import { commitClientSettings } from './client';

/** Where the SDK sent this client's calls. */
export interface Target {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
}

export type RawAnswer = Record<string, unknown>;

/** An error answer, shaped as the SDK shapes a service exception, with the raw JSON it carried. */
export interface AnswerError extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number; requestId?: string };
  raw?: RawAnswer;
}

function errorName(headerType: string | undefined, bodyType: unknown): string {
  const t = headerType ?? (typeof bodyType === 'string' ? bodyType : undefined);
  if (!t) return 'UnknownError';
  // "com.amazonaws.dynamodb.v20120810#Name" or "Name:http://..." -> "Name" (as the SDK trims it)
  const afterHash = t.includes('#') ? t.slice(t.lastIndexOf('#') + 1) : t;
  return afterHash.split(':')[0] || 'UnknownError';
}

function answerError(status: number, headers: http.IncomingHttpHeaders, text: string): AnswerError {
  let raw: RawAnswer | undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) raw = v as RawAnswer;
  } catch {
    raw = undefined;
  }
  const headerType = headers['x-amzn-errortype'];
  const name = errorName(typeof headerType === 'string' ? headerType : undefined, raw?.__type);
  const m = raw?.message ?? raw?.Message ?? headers['x-amzn-errormessage'];
  const err = new Error(typeof m === 'string' ? m : raw ? name : text.slice(0, 200)) as AnswerError;
  err.name = name;
  err.$fault = status >= 500 ? 'server' : 'client';
  const requestId = headers['x-amzn-requestid'];
  err.$metadata = {
    httpStatusCode: status,
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
  if (raw) err.raw = raw;
  return err;
}

/** Transport errors the SDK's handler renames TimeoutError (NODEJS_TIMEOUT_ERROR_CODES). */
const TIMEOUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

function timeoutError(message: string): Error {
  const e = new Error(message);
  e.name = 'TimeoutError';
  return e;
}

export class LightSender {
  target: Target | undefined;
  private signer: Promise<RequestSigner> | undefined;
  private readonly agent: http.Agent;
  private readonly https: boolean;

  constructor(
    private readonly client: DynamoDBClient,
    target: Target,
  ) {
    this.target = target;
    this.https = target.protocol === 'https:';
    const maxSockets = commitClientSettings(client)?.maxSockets ?? 256;
    this.agent = this.https
      ? new https.Agent({ keepAlive: true, maxSockets })
      : new http.Agent({ keepAlive: true, maxSockets });
  }

  private signerOf(region: string): Promise<RequestSigner> {
    const config = this.client.config as unknown as {
      signer: (scheme: object) => Promise<RequestSigner>;
    };
    this.signer ??= config.signer({
      name: 'sigv4',
      signingName: 'dynamodb',
      signingRegion: region,
      properties: {},
    });
    return this.signer;
  }

  /** Posts `body` as `operation`; resolves the parsed 2xx answer, rejects as the SDK would. */
  async send(operation: string, body: string): Promise<RawAnswer> {
    const t = this.target as Target;
    const config = this.client.config as unknown as { systemClockOffset?: number };
    const region = await this.client.config.region();
    const host = t.port ? `${t.hostname}:${t.port}` : t.hostname;
    const request = {
      method: 'POST',
      protocol: t.protocol,
      hostname: t.hostname,
      ...(t.port ? { port: t.port } : {}),
      path: t.path || '/',
      query: {},
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
        'content-length': String(Buffer.byteLength(body)),
      } as Record<string, string>,
      body,
    };
    const signer = await this.signerOf(region);
    const signed = (await signer.sign(request as unknown as HttpRequest, {
      signingDate: new Date(Date.now() + (config.systemClockOffset ?? 0)),
      signingRegion: region,
      signingService: 'dynamodb',
    })) as HttpRequest;
    return this.post(t, signed.headers, body);
  }

  private post(t: Target, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    const settings = commitClientSettings(this.client);
    const requestTimeout = settings?.requestTimeoutMs ?? 30_000;
    const connectionTimeout = settings?.connectionTimeoutMs ?? 5_000;
    const lib = this.https ? https : http;
    return new Promise<RawAnswer>((resolve, reject) => {
      const req = lib.request(
        {
          agent: this.agent,
          method: 'POST',
          hostname: t.hostname,
          ...(t.port ? { port: t.port } : {}),
          path: t.path || '/',
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (status < 200 || status >= 300) {
              reject(answerError(status, res.headers, text));
              return;
            }
            try {
              const v: unknown = JSON.parse(text);
              if (!v || typeof v !== 'object' || Array.isArray(v))
                throw new SyntaxError('not an object');
              resolve(v as RawAnswer);
            } catch {
              const e = new Error(`DynamoDB answered HTTP ${status} with a body that is not JSON`);
              e.name = 'SerializationException';
              reject(e);
            }
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        // As the SDK's node-http-handler names them.
        if (err.code && TIMEOUT_CODES.has(err.code)) err.name = 'TimeoutError';
        reject(err);
      });
      req.on('socket', (socket) => {
        if (socket.connecting) {
          const timer = setTimeout(
            () => req.destroy(timeoutError(`connection not made within ${connectionTimeout} ms`)),
            connectionTimeout,
          );
          socket.once('connect', () => clearTimeout(timer));
          req.once('close', () => clearTimeout(timer));
        }
      });
      req.setTimeout(requestTimeout, () =>
        req.destroy(timeoutError(`no answer within ${requestTimeout} ms of socket idle time`)),
      );
      req.end(body);
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}

/** Each commit client's light sender, once the SDK has shown where it sends. */
const senders = new WeakMap<DynamoDBClient, LightSender>();

/** The light sender for `client`, or undefined: not a commit client, or its endpoint not yet seen. */
export const lightSenderFor = (client: DynamoDBClient): LightSender | undefined =>
  senders.get(client);

interface FinalizeStack {
  add(
    mw: (
      next: (a: { request: unknown }) => Promise<unknown>,
    ) => (a: { request: unknown }) => Promise<unknown>,
    opts: { step: 'finalizeRequest'; name: string; priority: 'low' },
  ): void;
}

/**
 * For a call that goes through the SDK: notes the endpoint the SDK resolved for it (after its
 * endpoint rules), so that the next calls of a commit client can take the light sender.
 */
export function noteTarget(client: DynamoDBClient, command: { middlewareStack: object }): void {
  if (senders.has(client) || !commitClientSettings(client)) return;
  (command.middlewareStack as FinalizeStack).add(
    (next) => (args) => {
      const r = args.request as Partial<Target> & { hostname?: string };
      if (!senders.has(client) && r.hostname && r.protocol) {
        const sender = new LightSender(client, {
          protocol: r.protocol,
          hostname: r.hostname,
          ...(r.port ? { port: r.port } : {}),
          path: r.path ?? '/',
        });
        senders.set(client, sender);
        const destroy = client.destroy.bind(client);
        client.destroy = () => {
          sender.destroy();
          destroy();
        };
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'dynostageNoteTarget', priority: 'low' },
  );
}
