/**
 * Against DynamoDB's capacity model at the proxy (write units by size, four partitions of at most
 * 1,000 WCU/s, a hot key range): the engine against a writer that resends with the SDK's default
 * retries on, interleaved.
 */
import type { FaultConfig } from '../../test-support/faultProxy/proxy';
import { CAPACITY_SCHEMA, capacityRows } from '../support/benchData';
import { naiveConcurrent } from '../support/writers';
import type { Clients } from './clean';
import { timedRun, type Bench, type Figure } from './figure';
import { engine, sdkRows } from './writers';

export async function capacitySection(
  b: Bench,
  c: Clients,
  latencyMs: number,
  capacityWcu: number,
  items: number,
  repeats: number,
) {
  const faults: Partial<FaultConfig> = {
    latencyMs,
    // Four hash ranges of at most 1,000 WCU/s each; the hot key's range carries 30% of the items.
    capacity: { tableWcu: capacityWcu, partitions: 4 },
  };
  const data = (r: string) => capacityRows(items, r);
  const common = { faults, data, schema: CAPACITY_SCHEMA };
  const capEngine: Figure[] = [];
  const capSdk: Figure[] = [];
  for (let i = 0; i < repeats; i++) {
    capEngine.push(
      await timedRun(b, {
        ...common,
        name: `engine @ ${capacityWcu} WCU/s`,
        write: engine(c.commit, CAPACITY_SCHEMA),
      }),
    );
    capSdk.push(
      await timedRun(b, {
        ...common,
        name: `sdk retries, 8 @ ${capacityWcu} WCU/s`,
        write: async (t, d) => void (await naiveConcurrent(c.retrying, t, sdkRows(d), 8)),
      }),
    );
  }
  return { capEngine, capSdk };
}
