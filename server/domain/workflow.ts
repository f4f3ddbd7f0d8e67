import type { CaseStatus } from './case-status';

/**
 * The case lifecycle: given a case's state and an action, the next state or a refusal.
 * Who may take an action is the access policy's question (server/auth/policy.ts); this
 * answers only whether the case's state allows it. Services call both before writing;
 * nothing else changes a case's status.
 */

const open: readonly CaseStatus[] = ['accepted', 'mediating', 'agreed', 'reopened'];

const rules = {
  accept: { from: ['registered'], to: 'accepted' },
  decline: { from: ['registered'], to: 'declined' },
  transfer: { from: ['registered'], to: 'transferred' },
  // A petition merged into another case lives on only as part of that case.
  merge_into: { from: ['registered'], to: 'merged' },
  link: { from: ['registered', ...open], to: 'same' },
  // Forming the joint panel starts mediation.
  assign_panel: { from: ['accepted', 'reopened'], to: 'mediating' },
  change_panel: { from: ['mediating', 'agreed'], to: 'same' },
  change_track: { from: open, to: 'same' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }>;

export type CaseTransition = keyof typeof rules;
export type Transition = { ok: true; next: CaseStatus } | { ok: false; refusal: 'not_in_this_state' };

export function isTransition(action: string): action is CaseTransition {
  return action in rules;
}

export function decideTransition(status: CaseStatus, action: CaseTransition): Transition {
  const rule = rules[action];
  if (!(rule.from as readonly CaseStatus[]).includes(status)) return { ok: false, refusal: 'not_in_this_state' };
  return { ok: true, next: rule.to === 'same' ? status : rule.to };
}
