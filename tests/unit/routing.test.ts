import { describe, expect, it } from 'vitest';
import { readiness } from '../../server/domain/checklist';
import { checkPanel, rulesFor, suggestPanel, type PanelCandidate } from '../../server/domain/routing';

const person = (name: string, role: PanelCandidate['role'], load: number, organizationKind: PanelCandidate['organizationKind'] = null): PanelCandidate => ({
  userId: name,
  name,
  role,
  organizationKind,
  organizationName: null,
  load,
});

describe('routing a case to a panel', () => {
  it('uses a center’s own rules over the defaults', () => {
    expect(rulesFor('marriage_family', null).map((r) => r.role)).toEqual(['mediator', 'psychologist']);
    expect(rulesFor('marriage_family', [{ role: 'lawyer', isLead: true }]).map((r) => r.role)).toEqual(['lawyer']);
    expect(rulesFor('unknown', null)).toEqual(rulesFor('other', null));
  });

  it('ranks candidates by the rule’s organization, then by the lightest load', () => {
    const [mediators] = suggestPanel(rulesFor('neighbours', null), [
      person('甲', 'mediator', 0, 'justice_bureau'),
      person('乙', 'mediator', 3, 'mediation_committee'),
      person('丙', 'mediator', 1, 'mediation_committee'),
      person('丁', 'lawyer', 0),
    ]);
    expect(mediators!.candidates.map((c) => c.name)).toEqual(['丙', '乙', '甲']);
  });

  it('wants exactly one lead and nobody twice', () => {
    expect(checkPanel([])).toBe('no_members');
    expect(checkPanel([{ userId: 'a', isLead: false }])).toBe('one_lead');
    expect(checkPanel([{ userId: 'a', isLead: true }, { userId: 'b', isLead: true }])).toBe('one_lead');
    expect(checkPanel([{ userId: 'a', isLead: true }, { userId: 'a', isLead: false }])).toBe('duplicate_member');
    expect(checkPanel([{ userId: 'a', isLead: true }, { userId: 'b', isLead: false }])).toBe('ok');
  });
});

describe('checklist readiness', () => {
  it('is ready only when every item is provided', () => {
    expect(readiness([])).toEqual({ provided: 0, total: 0, ready: false });
    expect(readiness([{ status: 'provided' }, { status: 'missing' }])).toEqual({ provided: 1, total: 2, ready: false });
    expect(readiness([{ status: 'provided' }])).toEqual({ provided: 1, total: 1, ready: true });
  });
});
