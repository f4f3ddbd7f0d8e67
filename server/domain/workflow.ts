import type { CaseStatus } from './case-status';
import type { Role } from './roles';

/**
 * The case lifecycle (DESIGN.md): given a case's state, an action and the actor, the next
 * state or a typed refusal. Services call this before writing; nothing else changes status.
 */

export type CaseAction = 'accept' | 'decline' | 'transfer' | 'merge_into' | 'link' | 'assign_panel' | 'change_panel';

export interface Actor {
  role: Role;
  /** Whether the actor is staff of the case's own center. */
  ofCaseCenter: boolean;
}

export type Refusal = 'not_allowed_for_role' | 'not_in_this_state';
export type Transition = { ok: true; next: CaseStatus } | { ok: false; refusal: Refusal };

interface Rule {
  from: readonly CaseStatus[];
  to: CaseStatus | 'same';
  roles: readonly Role[];
}

const intakeStaff: readonly Role[] = ['clerk', 'director'];

const rules: Record<CaseAction, Rule> = {
  accept: { from: ['registered'], to: 'accepted', roles: intakeStaff },
  decline: { from: ['registered'], to: 'declined', roles: intakeStaff },
  transfer: { from: ['registered'], to: 'transferred', roles: intakeStaff },
  // A petition merged into another case lives on only as part of that case.
  merge_into: { from: ['registered'], to: 'merged', roles: intakeStaff },
  link: { from: ['registered', 'accepted', 'mediating', 'agreed', 'reopened'], to: 'same', roles: intakeStaff },
  // The director (or a clerk) forms the joint panel; mediation starts with it.
  assign_panel: { from: ['accepted', 'reopened'], to: 'mediating', roles: intakeStaff },
  change_panel: { from: ['mediating', 'agreed'], to: 'same', roles: intakeStaff },
};

export function decideTransition(status: CaseStatus, action: CaseAction, actor: Actor): Transition {
  const rule = rules[action];
  if (!actor.ofCaseCenter || !rule.roles.includes(actor.role)) return { ok: false, refusal: 'not_allowed_for_role' };
  if (!rule.from.includes(status)) return { ok: false, refusal: 'not_in_this_state' };
  return { ok: true, next: rule.to === 'same' ? status : rule.to };
}

/** Which of the acceptance decisions a status still allows (for showing the buttons). */
export function availableActions(status: CaseStatus, actor: Actor): CaseAction[] {
  return (Object.keys(rules) as CaseAction[]).filter((a) => decideTransition(status, a, actor).ok);
}
