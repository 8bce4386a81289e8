/**
 * The fault proxy in a process of its own, driven over IPC, so that it takes no CPU from the
 * writer being measured: `{ config }` sets faults, `{ reset }` zeroes the counters, `{ counters }`
 * asks for them; each message is answered with the counters.
 */
import { startFaultProxy, type FaultConfig } from '../../test-support/faultProxy/proxy';

type Message = { id: number; config?: Partial<FaultConfig>; reset?: boolean };

async function main() {
  const target = process.argv[2];
  if (!target || !process.send)
    throw new Error('usage: proxyServer.ts http://target (with an IPC channel)');
  const proxy = await startFaultProxy(target, {}, Number(process.argv[3] ?? 1));
  process.on('message', (m: Message) => {
    if (m.config) proxy.setConfig(m.config);
    if (m.reset) proxy.resetCounters();
    process.send?.({ id: m.id, counters: proxy.counters });
  });
  process.on('disconnect', () => {
    void proxy.close().then(() => process.exit(0));
  });
  process.send({ endpoint: proxy.endpoint });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
