import { describe, expect, it } from 'vitest';
import { checkTerms, enforcementEndsOn, markAllowed, missingMarks, outstanding, requiredMarks, sumYuan, termStatus } from '../../server/domain/agreements';
import { canonicalJson, contentHash, maskName } from '../../server/domain/documents';

describe('an agreement’s marks', () => {
  const required = requiredMarks(['a', 'b']);

  it('needs every party, then the mediator and the seal — the parties first', () => {
    expect(missingMarks(required, []).map((m) => m.kind)).toEqual(['party', 'party', 'mediator', 'committee_seal']);
    expect(markAllowed({ kind: 'mediator' }, required, [{ kind: 'party', partyId: 'a' }])).toBe('parties_first');
    const parties = [{ kind: 'party' as const, partyId: 'a' }, { kind: 'party' as const, partyId: 'b' }];
    expect(markAllowed({ kind: 'mediator' }, required, parties)).toBe('ok');
    expect(markAllowed({ kind: 'party', partyId: 'a' }, required, parties)).toBe('already_marked');
    expect(markAllowed({ kind: 'party', partyId: 'z' }, required, parties)).toBe('not_required');
    expect(missingMarks(required, [...parties, { kind: 'mediator' }, { kind: 'committee_seal' }])).toEqual([]);
  });

  it('checks each term: a payment has an amount, every term a due date and parties of the case', () => {
    const ids = new Set(['a', 'b']);
    const term = { kind: 'payment' as const, obligorPartyId: 'b', obligeePartyId: 'a', description: 'x', amount: '100', dueOn: '2025-10-01', place: null, guarantor: null, onDefault: null };
    expect(checkTerms([term], ids)).toEqual([]);
    expect(checkTerms([], ids)).toEqual([{ index: -1, problem: 'no_terms' }]);
    expect(checkTerms([{ ...term, amount: '0' }, { ...term, dueOn: null }, { ...term, obligeePartyId: 'b' }, { ...term, obligorPartyId: 'x' }], ids).map((p) => p.problem)).toEqual([
      'payment_needs_amount',
      'needs_due_date',
      'same_party',
      'unknown_party',
    ]);
  });
});

describe('performance of a term', () => {
  const pay = { kind: 'payment' as const, amount: '7000.00', dueOn: '2025-10-10' };

  it('is due, partly paid, paid, or missed once its day has passed unpaid', () => {
    expect(termStatus(pay, 0, false, '2025-10-10')).toBe('due');
    expect(termStatus(pay, '2000', false, '2025-10-10')).toBe('partly_paid');
    expect(termStatus(pay, '7000.00', false, '2025-10-11')).toBe('paid');
    expect(termStatus(pay, '6999.99', false, '2025-10-11')).toBe('missed');
    expect(termStatus({ kind: 'act', amount: null, dueOn: '2025-10-10' }, 0, true, '2025-12-01')).toBe('performed');
  });

  it('counts money in cents, never floats', () => {
    expect(outstanding('0.30', '0.10')).toBe('0.20');
    expect(sumYuan(['0.10', '0.20', null, 7000])).toBe('7000.30');
  });

  it('gives two years to apply for enforcement from the last day of performance', () => {
    expect(enforcementEndsOn('2025-10-10')).toBe('2027-10-10');
    expect(enforcementEndsOn('2024-02-29')).toBe('2026-03-01');
  });
});

describe('document identity', () => {
  it('hashes the same content the same whatever the key order, and masks names for the public check', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash({ a: 2 })).not.toBe(contentHash({ a: 3 }));
    expect(maskName('王大海')).toBe('王**');
    expect(maskName('嘉善县鲜海海鲜店')).toBe('嘉善*****店');
  });
});
