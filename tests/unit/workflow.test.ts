import { describe, expect, it } from 'vitest';
import { availableActions, decideTransition } from '../../server/domain/workflow';

const clerk = { role: 'clerk' as const, ofCaseCenter: true };

describe('the case lifecycle', () => {
  it('moves a registered case by the acceptance decision', () => {
    expect(decideTransition('registered', 'accept', clerk)).toEqual({ ok: true, next: 'accepted' });
    expect(decideTransition('registered', 'decline', clerk)).toEqual({ ok: true, next: 'declined' });
    expect(decideTransition('registered', 'transfer', clerk)).toEqual({ ok: true, next: 'transferred' });
    expect(decideTransition('registered', 'merge_into', clerk)).toEqual({ ok: true, next: 'merged' });
  });

  it('starts mediation when the panel is formed, and keeps it when the panel changes', () => {
    expect(decideTransition('accepted', 'assign_panel', { role: 'director', ofCaseCenter: true })).toEqual({ ok: true, next: 'mediating' });
    expect(decideTransition('mediating', 'change_panel', { role: 'director', ofCaseCenter: true })).toEqual({ ok: true, next: 'mediating' });
  });

  it('refuses a decision twice, and actors who are not the case center’s intake staff', () => {
    expect(decideTransition('accepted', 'decline', clerk)).toEqual({ ok: false, refusal: 'not_in_this_state' });
    expect(decideTransition('registered', 'accept', { role: 'clerk', ofCaseCenter: false })).toEqual({ ok: false, refusal: 'not_allowed_for_role' });
    expect(decideTransition('registered', 'accept', { role: 'mediator', ofCaseCenter: true })).toEqual({ ok: false, refusal: 'not_allowed_for_role' });
    expect(decideTransition('merged', 'link', clerk)).toEqual({ ok: false, refusal: 'not_in_this_state' });
  });

  it('lists what a status still allows', () => {
    expect(availableActions('registered', clerk)).toEqual(['accept', 'decline', 'transfer', 'merge_into', 'link']);
    expect(availableActions('declined', clerk)).toEqual([]);
  });
});
