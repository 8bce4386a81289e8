import type { AttributeValue, Item } from '../../shared/dynamo/types';

/** A small deterministic PRNG (mulberry32), so that every sandbox is seeded identically. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['open', 'pending', 'in-progress'];
const TAGS = ['billing', 'login', 'bug', 'feature', 'urgent', 'mobile', 'api', 'refund', 'ui', 'export'];
const AGENTS = ['ana', 'bo', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana'];
const SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong amount',
  'Export to CSV times out',
  'App crashes on start',
  'Feature request: dark mode',
  'Refund not received',
  'API returns 500 on search',
  'Two-factor code never arrives',
];
export const TICKET_COUNT = 2000;
/** The ticket that carries a 38-significant-digit number, shown exactly in the grid. */
export const BIG_NUMBER_TICKET = 'T-00042';
export const BIG_NUMBER = '1234567890123456789012345678901234567.8';

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function ticketId(i: number): string {
  return 'T-' + String(i).padStart(5, '0');
}

/** The 2,000 demo support tickets; about half resolved. Same output on every call. */
export function supportTickets(): Item[] {
  const rand = prng(20261126);
  const base = 1_767_225_600; // 2026-01-01T00:00:00Z, epoch seconds
  const items: Item[] = [];
  for (let i = 1; i <= TICKET_COUNT; i++) {
    const resolved = rand() < 0.5;
    const createdAt = base + Math.floor(rand() * 300 * 86400);
    const tagCount = 1 + Math.floor(rand() * 3);
    const tags = new Set<string>();
    while (tags.size < tagCount) tags.add(pick(rand, TAGS));
    const item: Item = {
      ticketId: { S: ticketId(i) },
      status: { S: resolved ? 'resolved' : pick(rand, STATUSES) },
      subject: { S: pick(rand, SUBJECTS) },
      priority: { N: String(1 + Math.floor(rand() * 5)) },
      tags: { SS: [...tags].sort() },
      createdAt: { N: String(createdAt) },
      resolved: { BOOL: resolved },
    };
    if (rand() < 0.85) item.assignee = { S: pick(rand, AGENTS) };
    else item.assignee = { NULL: true };
    if (rand() < 0.2) item.escalatedTo = { NULL: true };
    if (rand() < 0.7) {
      const steps: AttributeValue[] = [];
      const n = 1 + Math.floor(rand() * 3);
      for (let s = 0; s < n; s++) {
        steps.push({
          M: {
            at: { N: String(createdAt + (s + 1) * 3600) },
            by: { S: pick(rand, AGENTS) },
            note: { S: s === 0 ? 'Ticket opened' : 'Customer replied' },
          },
        });
      }
      item.history = { L: steps };
    }
    if (rand() < 0.1) {
      const bytes = Array.from({ length: 8 + Math.floor(rand() * 24) }, () => Math.floor(rand() * 256));
      item.attachment = { B: btoa(String.fromCharCode(...bytes)) };
    }
    if (resolved) item.resolvedAt = { N: String(createdAt + 3600 + Math.floor(rand() * 7 * 86400)) };
    if (ticketId(i) === BIG_NUMBER_TICKET) item.refundAmount = { N: BIG_NUMBER };
    items.push(item);
  }
  return items;
}

/** Demo org users: 4 orgs with 30 users each, composite key orgId + userId. */
export function orgUsers(): Item[] {
  const rand = prng(7);
  const items: Item[] = [];
  const orgs = ['acme', 'globex', 'initech', 'umbrella'];
  for (const org of orgs) {
    for (let u = 1; u <= 30; u++) {
      const userId = 'u' + String(u).padStart(3, '0');
      items.push({
        orgId: { S: org },
        userId: { S: userId },
        email: { S: `${userId}@${org}.example` },
        role: { S: pick(rand, ['admin', 'agent', 'viewer']) },
        active: { BOOL: rand() < 0.9 },
        seats: { N: String(Math.floor(rand() * 10)) },
      });
    }
  }
  return items;
}
