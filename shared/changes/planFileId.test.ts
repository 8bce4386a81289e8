import { describe, expect, it } from 'vitest';
import { checkPlanHeader, withPlanHeader } from './planFileId';

const body = '{"table":"T","put":{"id":{"S":"a"},"n":{"N":"1"}}}\n{"table":"T","delete":{"id":{"S":"b"}}}\n';

describe('the id line of an exported plan file', () => {
  it('is first, and a file as exported checks out with its line numbers kept', () => {
    const text = withPlanHeader(body);
    expect(JSON.parse(text.split('\n')[0]!)).toEqual({
      dynostagePlan: { id: expect.stringMatching(/^f[0-9a-f]{32}$/), lines: 2 },
    });
    const { body: read, changed } = checkPlanHeader(text);
    expect(changed).toBeNull();
    expect(read.split('\n')[1]).toBe(body.split('\n')[0]);
  });

  it('takes re-indented lines or reordered keys as the same plan', () => {
    const text = withPlanHeader(body).replace('{"table":"T","put":{"id":{"S":"a"},"n":{"N":"1"}}}', '{ "put": {"n":{"N":"1"},"id":{"S":"a"}}, "table": "T" }');
    expect(checkPlanHeader(text).changed).toBeNull();
  });

  it('names an edit: a value changed, a line added', () => {
    const text = withPlanHeader(body);
    expect(checkPlanHeader(text.replace('"N":"1"', '"N":"2"')).changed).toBe(
      'the plan was edited after DynoStage exported it (the same 2 lines in number, not in content)',
    );
    expect(checkPlanHeader(`${text}{"table":"T","delete":{"id":{"S":"c"}}}\n`).changed).toBe(
      'the plan was edited after DynoStage exported it (2 lines exported, 3 now)',
    );
  });

  it('leaves a file without an id line as it is', () => {
    expect(checkPlanHeader(body)).toEqual({ body, changed: null });
  });
});
