/** Deterministic bench items in AttributeValue form: about 1 KB (wide) or about 300 B (narrow). */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type BenchItem = Record<string, AttributeValue>;

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** The partition key of item i: zero-padded, so a Scan's order is not the insertion order. */
export const benchId = (i: number) => 'B-' + String(i).padStart(7, '0');

/** About 1 KB: 20 attributes, mixed types, nested maps and lists, not all on every item. */
export function wideItem(i: number): BenchItem {
  const rand = random(i + 1);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const item: BenchItem = {
    id: { S: benchId(i) },
    status: { S: ['open', 'pending', 'resolved', 'in-progress'][i % 4] as string },
    subject: { S: sentence(6) },
    priority: { N: String(1 + (i % 5)) },
    createdAt: { N: String(1_767_225_600 + i * 37) },
    amount: { N: `${Math.floor(rand() * 1e9)}.${String(i % 100).padStart(2, '0')}` },
    // dynamodb-admin cannot show a number a JS number or BigInt cannot hold (it answers 500).
    exact: { N: `${1_000_000 + i}.${String(i % 1000).padStart(3, '0')}` },
    resolved: { BOOL: i % 2 === 0 },
    tags: { SS: [word(), word() + '-x', 'tag' + (i % 17)] },
    scores: { NS: [String(i % 100), String(((i * 7) % 1000) + 100), '3.14'] },
    customer: {
      M: {
        name: { S: 'Customer ' + (i % 5000) },
        email: { S: `c${i % 5000}@example.com` },
        vip: { BOOL: i % 10 === 0 },
        address: { M: { city: { S: word() }, zip: { S: String(10000 + (i % 89999)) } } },
      },
    },
    history: {
      L: [
        {
          M: { at: { N: String(1_767_225_600 + i) }, by: { S: word() }, note: { S: sentence(5) } },
        },
        {
          M: { at: { N: String(1_767_229_200 + i) }, by: { S: word() }, note: { S: sentence(4) } },
        },
      ],
    },
    body: { S: sentence(40) },
    region: { S: ['eu-west-1', 'us-east-1', 'ap-south-1'][i % 3] as string },
    version: { N: String(i % 12) },
    updatedBy: { S: word() },
    // Tokens the quick filter finds in exactly 1 in 10 and 1 in 100 items: how the bench selects
    // 10,000 and 1,000 rows.
    cohort: { S: `cohort-${i % 10}x` },
    lot: { S: `lot-${i % 100}y` },
  };
  if (i % 3 === 0)
    item.attachment = { B: Buffer.from(Array.from({ length: 24 }, (_, k) => (i + k) & 255)) };
  if (i % 5 === 0) item.escalatedTo = { NULL: true };
  else if (i % 5 === 1) item.escalatedTo = { S: word() };
  if (i % 4 !== 3) item.assignee = i % 7 === 0 ? { NULL: true } : { S: word() };
  if (i % 2 === 1)
    item.sla = { M: { hours: { N: String(4 + (i % 20)) }, breached: { BOOL: i % 9 === 0 } } };
  else item.links = { L: [{ S: 'T-' + (i + 1) }, { N: String(i) }] };
  return item;
}

/** About 300 B: 8 attributes. */
export function narrowItem(i: number): BenchItem {
  const rand = random(i + 7);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  return {
    id: { S: benchId(i) },
    status: { S: ['open', 'pending', 'resolved'][i % 3] as string },
    subject: { S: `${word()} ${word()} ${word()} ${word()} ${word()} ${word()}` },
    priority: { N: String(1 + (i % 5)) },
    createdAt: { N: String(1_767_225_600 + i * 37) },
    owner: { S: `user-${i % 997}@example.com` },
    note: {
      S: `${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()}`,
    },
    open: { BOOL: i % 2 === 0 },
  };
}
