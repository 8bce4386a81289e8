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
});
