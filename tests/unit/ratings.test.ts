import { describe, expect, it } from 'vitest';
import { nextRectification } from '../../server/domain/ratings';

describe('answering a bad rating, step by step', () => {
  it('goes call back → verify → report, or to the supervisor when called unfounded', () => {
    expect(nextRectification('callback_due', { step: 'call_back' })).toEqual({ ok: true, next: 'verifying' });
    expect(nextRectification('verifying', { step: 'verify', verification: 'explained' })).toEqual({ ok: true, next: 'rectifying' });
    expect(nextRectification('verifying', { step: 'verify', verification: 'unfounded' })).toEqual({ ok: true, next: 'appealed' });
    expect(nextRectification('rectifying', { step: 'report' })).toEqual({ ok: true, next: 'reported' });
    expect(nextRectification('callback_due', { step: 'report' })).toEqual({ ok: false, refusal: 'rectification.outOfOrder' });
  });

  it('an upheld appeal ends it; a rejected one returns to verification, not to the report of an "unfounded" complaint', () => {
    expect(nextRectification('appealed', { step: 'decide_appeal', upheld: true })).toEqual({ ok: true, next: 'appeal_upheld' });
    expect(nextRectification('appealed', { step: 'decide_appeal', upheld: false })).toEqual({ ok: true, next: 'verifying' });
    expect(nextRectification('appealed', { step: 'report' }).ok).toBe(false);
  });
});
