import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../stores/commitStore';
import { wireOptions } from './wireOptions';

describe('wireOptions', () => {
  it('sends the named version attributes, trimmed; unnamed tables have none', () => {
    const o = { ...DEFAULT_OPTIONS, versionAttributes: { A: ' ver ', B: '', C: '  ' } };
    expect(wireOptions(o).versionAttributes).toEqual({ A: 'ver' });
    expect(wireOptions(DEFAULT_OPTIONS)).not.toHaveProperty('versionAttributes');
  });

  it('batch writes take no version attribute; no rounds cap unless one is set', () => {
    const o = { ...DEFAULT_OPTIONS, mode: 'batch' as const, versionAttributes: { A: 'ver' } };
    expect(wireOptions(o)).not.toHaveProperty('versionAttributes');
    expect(wireOptions(o)).not.toHaveProperty('maxRounds');
    expect(wireOptions({ ...o, maxRounds: 5 }).maxRounds).toBe(5);
  });

  it('atomic mode sends its scope and condition checks (and version attributes); other modes do not', () => {
    const check = { table: 'A', key: { id: { S: '1' } }, expect: 'exists' } as never;
    const o = {
      ...DEFAULT_OPTIONS,
      mode: 'atomic' as const,
      atomicScope: 'all' as const,
      conditionChecks: [check],
      versionAttributes: { A: 'v' },
    };
    expect(wireOptions(o)).toMatchObject({
      mode: 'atomic',
      atomicScope: 'all',
      conditionChecks: [check],
      versionAttributes: { A: 'v' },
    });
    const g = wireOptions({ ...o, mode: 'guarded' });
    expect(g).not.toHaveProperty('atomicScope');
    expect(g).not.toHaveProperty('conditionChecks');
  });
});
