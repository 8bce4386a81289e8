/**
 * A loopback proxy in front of moto_server that pages ExecuteStatement answers as DynamoDB does
 * (at most `Limit` items per answer, else at most `pageSize`, with a NextToken to continue) and
 * adds the ConsumedCapacity DynamoDB reports. moto answers every SELECT with all its items at once
 * and ignores Limit and NextToken, so our paging would otherwise never be exercised. moto takes
 * seconds per SELECT over a few thousand items, so the pager keeps the first answer and serves the
 * following pages of that statement from it. Other calls pass through untouched.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PartiqlPager {
  endpoint: string;
  /** ExecuteStatement calls answered, and how many of them carried a NextToken. */
  counters: { executeCalls: number; withToken: number };
  close(): Promise<void>;
}

interface Token {
  offset: number;
  statement: string;
  /** The kept answer the pages come from. */
  result: number;
}

/** Starts the pager in front of `target` (moto's endpoint). */
export async function startPartiqlPager(target: string, pageSize = 1000): Promise<PartiqlPager> {
  const upstream = new URL(target);
  const counters = { executeCalls: 0, withToken: 0 };
  const results = new Map<number, unknown[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const op = String(req.headers['x-amz-target'] ?? '').split('.').pop();
      let page: { limit: number; token?: Token; consistent: boolean } | undefined;
      if (op === 'ExecuteStatement') {
        const input = JSON.parse(body.toString()) as Record<string, unknown>;
        counters.executeCalls++;
        let token: Token | undefined;
        if (typeof input.NextToken === 'string') {
          counters.withToken++;
          token = JSON.parse(Buffer.from(input.NextToken, 'base64').toString()) as Token;
          if (token.statement !== input.Statement) {
            res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
            res.end(JSON.stringify({ __type: 'com.amazon.coral.validate#ValidationException', message: 'Invalid NextToken' }));
            return;
          }
        }
        const limit = typeof input.Limit === 'number' ? input.Limit : pageSize;
        const kept = token ? results.get(token.result) : undefined;
        if (token && kept) {
          respond(res, kept, token.offset, limit, token.statement, token.result, input.ConsistentRead === true);
          return;
        }
        page = { limit, consistent: input.ConsistentRead === true, ...(token ? { token } : {}) };
        delete input.NextToken;
        delete input.Limit;
        body = Buffer.from(JSON.stringify(input));
      }
      const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(parts);
            if (page && answer.statusCode === 200) {
              const items = (JSON.parse(text.toString()) as { Items?: unknown[] }).Items ?? [];
              const id = results.size + 1;
              results.set(id, items);
              const statement = (JSON.parse(body.toString()) as { Statement: string }).Statement;
              respond(res, items, page.token?.offset ?? 0, page.limit, statement, id, page.consistent);
              return;
            }
            res.writeHead(answer.statusCode ?? 500, answer.headers);
            res.end(text);
          });
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counters,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One page of `items` from `from`, with DynamoDB's NextToken and ConsumedCapacity. */
function respond(
  res: http.ServerResponse,
  items: unknown[],
  from: number,
  limit: number,
  statement: string,
  result: number,
  consistent: boolean,
): void {
  const slice = items.slice(from, from + limit);
  const more = from + limit < items.length;
  const token: Token = { offset: from + limit, statement, result };
  const next = more ? Buffer.from(JSON.stringify(token)).toString('base64') : undefined;
  // DynamoDB bills a read by the data read, in 4 KB units, halved when eventually consistent.
  const units = Math.max(1, Math.ceil(JSON.stringify(slice).length / 4096)) / (consistent ? 1 : 2);
  const text = JSON.stringify({ Items: slice, ...(next ? { NextToken: next } : {}), ConsumedCapacity: { CapacityUnits: units } });
  res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
