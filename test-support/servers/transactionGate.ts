/**
 * A loopback proxy in front of moto for ExecuteTransaction. moto runs a transaction's statements
 * one by one, with no cancellation (moto/dynamodb/models execute_transaction), so it cannot show
 * how DynamoDB refuses one: this gate answers, for a transaction where `refuse` names a statement,
 * DynamoDB's TransactionCanceledException with one CancellationReason per statement (None for the
 * others) and forwards nothing; every other call goes to moto unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TransactionGate {
  endpoint: string;
  /** ExecuteTransaction calls seen, refused or forwarded. */
  calls: number;
  close(): Promise<void>;
}

export async function startTransactionGate(
  target: string,
  refuse: (statement: string) => { Code: string; Message: string } | null,
): Promise<TransactionGate> {
  const up = new URL(target);
  const gate: TransactionGate = { endpoint: '', calls: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      if (op === 'ExecuteTransaction') {
        gate.calls++;
        const body = JSON.parse(raw.toString('utf8')) as { TransactStatements?: { Statement: string }[] };
        const reasons = (body.TransactStatements ?? []).map((s) => refuse(s.Statement) ?? { Code: 'None' });
        if (reasons.some((r) => r.Code !== 'None')) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(
            JSON.stringify({
              __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
              Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
              CancellationReasons: reasons,
            }),
          );
          return;
        }
      }
      const fwd = http.request(
        { host: up.hostname, port: up.port, path: req.url, method: req.method, headers: { ...req.headers, host: up.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      fwd.on('error', () => res.destroy());
      fwd.end(raw);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  gate.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gate.close = () => new Promise<void>((r) => server.close(() => r()));
  return gate;
}
