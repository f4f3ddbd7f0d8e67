import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, caseActionNames, openActions, type CaseAccess, type CaseRelation } from '../../server/auth/policy';
import { caseStatuses, type CaseStatus } from '../../server/domain/case-status';
import { caseTransitions, decideTransition } from '../../server/domain/workflow';

const access = (relation: CaseRelation): CaseAccess => ({ caseId: 'c', centerId: 'x', relation });
const clerk = access({ kind: 'center_staff', role: 'clerk' });
const director = access({ kind: 'center_staff', role: 'director' });
const lead = access({ kind: 'panel', isLead: true, role: 'mediator' });
const member = access({ kind: 'panel', isLead: false, role: 'lawyer' });
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

  it('lets a supervisor only watch, decide appeals against ratings and issue supervision orders', () => {
    expect(openActions(supervisor, 'mediating')).toEqual(['read', 'decide_rating_appeal', 'issue_supervision']);
  });

  it('opens workflow actions only in the states that allow them', () => {
    expect(openActions(clerk, 'registered')).toEqual(expect.arrayContaining(['accept', 'decline', 'transfer', 'merge_into', 'link']));
    expect(openActions(clerk, 'mediating')).not.toContain('accept');
    expect(openActions(director, 'mediating')).toEqual(expect.arrayContaining(['change_panel', 'change_track', 'extend_petition_clock']));
    expect(openActions(director, 'declined')).not.toContain('change_track');
  });
});

describe('the lifecycle as a whole', () => {
  const terminal: readonly CaseStatus[] = ['declined', 'transferred', 'merged', 'closed'];

  it('answers every state × action with a known state or a refusal, and nothing leaves a finished case but a reopening', () => {
    for (const status of caseStatuses) {
      for (const action of caseTransitions) {
        const result = decideTransition(status, action);
        if (result.ok) {
          expect(caseStatuses).toContain(result.next);
          // A closed case is taken up again only by reopening it (a dispute that came back, a review ordering it redone).
          const reopening = status === 'closed' && action === 'reopen' && result.next === 'reopened';
          expect(terminal.includes(status) && !reopening, `${status} → ${action}`).toBe(false);
        } else {
          expect(result.refusal).toBe('not_in_this_state');
        }
      }
    }
  });

  it('lets exactly the relations the policy names take each action, for every relation', () => {
    const relations = [clerk, director, lead, member, party, supervisor];
    const table = Object.fromEntries(caseActionNames.map((a) => [a, relations.map((r) => can(r, a))]));
    // The center's staff decide acceptance; only the director changes tracks and replies to petitions.
    expect(table.accept).toEqual([true, true, false, false, false, false]);
    expect(table.reply).toEqual([false, true, false, false, false, false]);
    // The lead writes agreements; the judge (not here) records the court; a party confirms on the phone.
    expect(table.draft_agreement).toEqual([false, false, true, false, false, false]);
    expect(table.confirm_agreement).toEqual([false, false, false, false, true, false]);
    expect(table.record_court_decision).toEqual([false, false, false, false, false, false]);
    expect(can(access({ kind: 'panel', isLead: false, role: 'judge' }), 'record_court_decision')).toBe(true);
    // Only a party rates; only the director answers a bad rating; only the supervisor decides an appeal.
    expect(table.rate).toEqual([false, false, false, false, true, false]);
    expect(table.answer_rating).toEqual([false, true, false, false, false, false]);
    expect(table.decide_rating_appeal).toEqual([false, false, false, false, false, true]);
    // 督办: the supervisor orders, the director answers.
    expect(table.issue_supervision).toEqual([false, false, false, false, false, true]);
    expect(table.answer_supervision).toEqual([false, true, false, false, false, false]);
    // The supervisor reads, decides appeals against ratings, orders, and does nothing else.
    expect(caseActionNames.filter((a) => can(supervisor, a))).toEqual(['read', 'decide_rating_appeal', 'issue_supervision']);
  });

  it('never reaches an unknown state, whatever the order of actions (random sequences)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...caseTransitions), { maxLength: 40 }), (actions) => {
        let status: CaseStatus = 'registered';
        const seen: CaseStatus[] = [status];
        for (const action of actions) {
          const result = decideTransition(status, action);
          if (!result.ok) continue;
          status = result.next;
          seen.push(status);
        }
        // Only forward: once finished, always finished; every state is one of the list.
        const firstTerminal = seen.findIndex((s) => terminal.includes(s));
        return seen.every((s) => caseStatuses.includes(s)) && (firstTerminal === -1 || seen.slice(firstTerminal).every((s) => s === seen[firstTerminal]));
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});
