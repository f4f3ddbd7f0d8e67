import { describe, expect, it } from 'vitest';
import { caseDataTables } from '../../db/case-tables';
import { personalDataPlan } from '../../server/services/retention-plan';

describe('the retention plan', () => {
  it('decides every table of case data: erased, or why it holds nothing personal', () => {
    const planned = personalDataPlan.map(([table]) => table);
    expect(new Set(planned).size).toBe(planned.length);
    expect([...caseDataTables()].sort()).toEqual([...planned].sort());
  });

  it('erases the case row last, where it records that the erasure is done', () => {
    expect(personalDataPlan.at(-1)![0]).toBe('cases');
  });
});
