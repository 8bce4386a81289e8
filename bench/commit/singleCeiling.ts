/**
 * The server's single-call ceiling: the guarded run's own conditional UpdateItem calls (built by
 * shared/plan/guarded, the same condition and body), sent as raw HTTP with no SDK (no signing, no
 * middleware: an Authorization and X-Amz-Date header that look signed, which is all dynalite checks)
 * over one keep-alive agent, `inFlight` at a time. What the server and the proxy allow single calls
 * to do on this machine, whatever the client does: the guarded engine is judged against it.
 */
import http from 'node:http';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { guardedCall } from '../../shared/plan/guarded';
import type { PlanInput } from '../../shared/plan/types';
import { requestJson } from '../../server/commitEngine/wire';
import type { Writer } from './figure';
import { withoutStatus } from './writers';

const AUTH =
  'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000';

function post(agent: http.Agent, url: URL, target: string, body: string): Promise<string> {
  const data = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        agent,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${target}`,
          authorization: AUTH,
          'x-amz-date': '20260101T000000Z',
          'content-length': data.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`${res.statusCode}: ${text}`));
          else resolve(text);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Raw conditional UpdateItem calls, `inFlight` at a time; a failed call is counted, not retried. */
export function singleCallCeiling(endpoint: string, schema: KeySchema, inFlight: number): Writer {
  const url = new URL(endpoint);
  return async (table: string, data: Item[]) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
    // The bodies are built before the clock matters most (as the engine builds them per call).
    const bodies = data.map((item, i) => {
      const op: PlanInput = {
        id: String(i),
        table,
        kind: 'put',
        item,
        guard: { base: withoutStatus(item) },
      };
      const call = guardedCall(op, schema);
      if (!call) throw new Error('no guarded call');
      return { target: call.command, body: requestJson(call.input) };
    });
    let next = 0;
    let failed = 0;
    try {
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < bodies.length) {
            const b = bodies[next++];
            if (!b) break;
            await post(agent, url, b.target, b.body).catch(() => void failed++);
          }
        }),
      );
    } finally {
      agent.destroy();
    }
    return { failed };
  };
}
