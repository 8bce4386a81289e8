/** The fault proxy's configuration and counters (see ../faultProxy.ts). */
import type { CapacityConfig } from './capacity';

/** Call-wide errors DynamoDB answers to a whole call, whatever the items in it. */
export type CallWideError =
  | 'AccessDeniedException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException'
  | 'InvalidSignatureException'
  | 'ResourceNotFoundException';

/**
 * Refuse calls with a call-wide error. A rule matches a call on one of `operations` (every
 * operation when absent) that touches `table` (any call when absent); a BatchWriteItem or
 * BatchGetItem touching the table is refused as a whole. The first `afterCalls` matching calls
 * pass, so a commit can start and then fail midway.
 */
export interface DenyRule {
  table?: string;
  operations?: string[];
  error: CallWideError;
  afterCalls?: number;
}

export interface FaultConfig {
  /** Delay before each call is forwarded, ms. */
  latencyMs: number;
  /** A further delay, uniform in [0, latencyJitterMs), added to each call. */
  latencyJitterMs: number;
  /** Fraction of BatchWriteItem operations withheld and returned as UnprocessedItems. */
  unprocessedFraction: number;
  /**
   * Tables whose every write comes back unprocessed: BatchWriteItem operations in UnprocessedItems,
   * single-item writes and transactions touching them as ProvisionedThroughputExceededException.
   */
  unprocessedTables: string[];
  /** Write capacity in items/s (token bucket); operations beyond it come back unprocessed. */
  writeCapacity: number | null;
  /** Bucket size for `writeCapacity` (default: a tenth of a second's worth, at least 25). */
  writeBurst: number | null;
  /** DynamoDB's capacity model: WCU by item size, per-partition limits, burst credit. */
  capacity: CapacityConfig | null;
  /** Fraction of calls answered with a throttling error, nothing forwarded. */
  throttleFraction: number;
  /** The error type of those answers for batch calls (single-item writes always get PTEE). */
  throttleError: 'ProvisionedThroughputExceededException' | 'ThrottlingException';
  /** Fraction of calls answered HTTP 500 InternalServerError, nothing forwarded. */
  internalErrorFraction: number;
  /** Fraction of calls answered HTTP 503 ServiceUnavailable, nothing forwarded. */
  unavailableFraction: number;
  /** Fraction of connections destroyed before forwarding (nothing written). */
  dropBeforeFraction: number;
  /** Fraction of connections destroyed after forwarding (written, the client never knows). */
  dropAfterFraction: number;
  /** Fraction of calls never answered, nothing forwarded: the socket stays open. */
  hangFraction: number;
  /** Fraction of calls forwarded (written) and then never answered. */
  hangAfterFraction: number;
  /** How long a hung call holds its socket before the proxy closes it (null: until close()). */
  hangMs: number | null;
  /** Fraction of BatchGetItem keys withheld and returned as UnprocessedKeys. */
  unprocessedKeysFraction: number;
  /** Call-wide errors by table and operation. */
  deny: DenyRule[];
  /** Operations that throttling, 5xx answers, drops and hangs apply to. */
  faultOperations: string[];
}

/** Single-item writes and transactions: faulted like batches, throttled with PTEE. */
export const SINGLE_WRITE_OPERATIONS = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
];

export const CLEAN: FaultConfig = {
  latencyMs: 0,
  latencyJitterMs: 0,
  unprocessedFraction: 0,
  unprocessedTables: [],
  writeCapacity: null,
  writeBurst: null,
  capacity: null,
  throttleFraction: 0,
  throttleError: 'ProvisionedThroughputExceededException',
  internalErrorFraction: 0,
  unavailableFraction: 0,
  dropBeforeFraction: 0,
  dropAfterFraction: 0,
  hangFraction: 0,
  hangAfterFraction: 0,
  hangMs: null,
  unprocessedKeysFraction: 0,
  deny: [],
  faultOperations: ['BatchWriteItem', 'BatchGetItem', ...SINGLE_WRITE_OPERATIONS],
};

export interface FaultCounters {
  calls: Record<string, number>;
  /** BatchWriteItem operations received, forwarded, withheld at random, refused by capacity. */
  writeOps: number;
  opsForwarded: number;
  opsWithheld: number;
  opsOverCapacity: number;
  /** Of those refused by the capacity model, the ones refused by their partition's limit alone. */
  opsPartitionLimited: number;
  /** Write units charged by the capacity model (after dynalite's own figure settled them). */
  wcuConsumed: number;
  /** Calls answered with a throttling error (random, or nothing left within capacity). */
  throttled: number;
  /** Of those, calls refused because no operation fitted the write capacity. */
  capacityThrottled: number;
  /** Calls refused with a call-wide error (deny rules), by error type. */
  denied: Record<string, number>;
  /** Calls answered 500 / 503. */
  internalErrors: number;
  unavailable: number;
  droppedBefore: number;
  droppedAfter: number;
  /** BatchWriteItem operations written in calls whose connection was then dropped. */
  opsDroppedAfter: number;
  /** Calls never answered: before forwarding, and after it (written). */
  hung: number;
  hungAfter: number;
  keysRequested: number;
  keysWithheld: number;
}

export function zeroCounters(): FaultCounters {
  return {
    calls: {},
    writeOps: 0,
    opsForwarded: 0,
    opsWithheld: 0,
    opsOverCapacity: 0,
    opsPartitionLimited: 0,
    wcuConsumed: 0,
    throttled: 0,
    capacityThrottled: 0,
    denied: {},
    internalErrors: 0,
    unavailable: 0,
    droppedBefore: 0,
    droppedAfter: 0,
    opsDroppedAfter: 0,
    hung: 0,
    hungAfter: 0,
    keysRequested: 0,
    keysWithheld: 0,
  };
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
