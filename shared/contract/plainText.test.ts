import { describe, expect, it } from 'vitest';
import { connectionsChannels } from './connections';
import { stagingChannels } from './staging';
import { tablesChannels } from './tables';

const save = connectionsChannels['connections:save'].input;
const apply = stagingChannels['staging:apply'].input;

function messages(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('names and ids refuse control characters at the schema', () => {
  it('a connection name with a newline is refused, naming the field and the character', () => {
    const r = save.safeParse({ kind: 'profile', name: 'prod\ntouch /tmp/x', profile: 'p' });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['name: must not contain control characters (U+000a at position 5)']);
  });

  it('profile, endpoint and id are checked too; a plain name still passes', () => {
    expect(save.safeParse({ kind: 'profile', name: 'ok', profile: 'p\u001b[2J' }).success).toBe(false);
    expect(save.safeParse({ kind: 'endpoint', name: 'ok', endpoint: 'http://a\n.example' }).success).toBe(false);
    expect(save.safeParse({ kind: 'profile', id: 'x\ry', name: 'ok', profile: 'p' }).success).toBe(false);
    expect(save.safeParse({ kind: 'profile', name: 'Prod (eu) – ünïcode', profile: 'p' }).success).toBe(true);
  });

  it('a staged change of a connection id or table with a control character is refused', () => {
    const entry = (connectionId: string, table: string) => ({
      entries: [{ id: 'k', connectionId, table, change: { kind: 'put', connectionId, table, key: {}, item: {} } }],
    });
    expect(apply.safeParse(entry('sandbox', 'Orders')).success).toBe(true);
    expect(messages(apply.safeParse(entry('sand\nbox', 'Orders')))).toContain(
      'entries.0.connectionId: must not contain control characters (U+000a at position 5)',
    );
    expect(apply.safeParse(entry('sandbox', 'Ord\u0085ers')).success).toBe(false);
    expect(tablesChannels['tables:list'].input.safeParse({ connectionId: 'a\tb' }).success).toBe(false);
  });
});
