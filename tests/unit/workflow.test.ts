import { describe, expect, it } from 'vitest';
import { can, openActions, type CaseAccess, type CaseRelation } from '../../server/auth/policy';
import { decideTransition } from '../../server/domain/workflow';

const access = (relation: CaseRelation): CaseAccess => ({ caseId: 'c', centerId: 'x', relation });
const clerk = access({ kind: 'center_staff', role: 'clerk' });
const director = access({ kind: 'center_staff', role: 'director' });
const lead = access({ kind: 'panel', isLead: true });
const member = access({ kind: 'panel', isLead: false });
const party = access({ kind: 'party', partyIds: ['p'] });
const supervisor = access({ kind: 'supervisor' });

describe('the case lifecycle', () => {
  it('moves a registered case by the acceptance decision', () => {
    expect(decideTransition('registered', 'accept')).toEqual({ ok: true, next: 'accepted' });
    expect(decideTransition('registered', 'decline')).toEqual({ ok: true, next: 'declined' });
    expect(decideTransition('registered', 'transfer')).toEqual({ ok: true, next: 'transferred' });
    expect(decideTransition('registered', 'merge_into')).toEqual({ ok: true, next: 'merged' });
  });

  it('starts mediation when the panel is formed, and keeps it when the panel changes', () => {
    expect(decideTransition('accepted', 'assign_panel')).toEqual({ ok: true, next: 'mediating' });
    expect(decideTransition('mediating', 'change_panel')).toEqual({ ok: true, next: 'mediating' });
  });

  it('refuses a decision twice, and a link or track change on a finished case', () => {
    expect(decideTransition('accepted', 'decline')).toEqual({ ok: false, refusal: 'not_in_this_state' });
    expect(decideTransition('merged', 'link')).toEqual({ ok: false, refusal: 'not_in_this_state' });
    expect(decideTransition('declined', 'change_track')).toEqual({ ok: false, refusal: 'not_in_this_state' });
  });
});

describe('the access policy decides what each relation may do', () => {
  it('gives acceptance and the panel to the center’s staff only', () => {
    for (const a of ['accept', 'decline', 'transfer', 'merge_into', 'assign_panel', 'record_visit'] as const) {
      expect([clerk, director].every((x) => can(x, a))).toBe(true);
      expect([lead, member, party, supervisor].some((x) => can(x, a))).toBe(false);
    }
  });

  it('keeps track changes and petition extensions to the director; mediation extensions and pauses to the director or the lead', () => {
    expect([director].map((x) => can(x, 'change_track'))).toEqual([true]);
    expect([clerk, lead, member].some((x) => can(x, 'change_track') || can(x, 'extend_petition_clock'))).toBe(false);
    expect([director, lead].every((x) => can(x, 'extend_mediation_clock') && can(x, 'pause_clock'))).toBe(true);
    expect([clerk, member, party].some((x) => can(x, 'extend_mediation_clock') || can(x, 'pause_clock'))).toBe(false);
  });

  it('keeps the minutes and their recording to the panel', () => {
    expect([lead, member].every((x) => can(x, 'record_session') && can(x, 'read_minutes'))).toBe(true);
    expect([clerk, director, supervisor, party].some((x) => can(x, 'record_session') || can(x, 'read_minutes'))).toBe(false);
    expect([clerk, director, lead, member].every((x) => can(x, 'schedule_session'))).toBe(true);
  });

  it('lets a supervisor only watch', () => {
    expect(openActions(supervisor, 'mediating')).toEqual(['read']);
  });

  it('opens workflow actions only in the states that allow them', () => {
    expect(openActions(clerk, 'registered')).toEqual(expect.arrayContaining(['accept', 'decline', 'transfer', 'merge_into', 'link']));
    expect(openActions(clerk, 'mediating')).not.toContain('accept');
    expect(openActions(director, 'mediating')).toEqual(expect.arrayContaining(['change_panel', 'change_track', 'extend_petition_clock']));
    expect(openActions(director, 'declined')).not.toContain('change_track');
  });
});
