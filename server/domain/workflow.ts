import type { CaseStatus } from './case-status';

/**
 * The case lifecycle: given a case's state and an action, the next state or a refusal.
 * Who may take an action is the access policy's question (server/auth/policy.ts); this
 * answers only whether the case's state allows it. Services call both before writing;
 * nothing else changes a case's status.
 *
 *   registered ─accept→ accepted ─assign_panel→ mediating ─(agreement takes effect)→ performing ─close→ closed
 *        │ decline / transfer / merge_into      │ terminate, reply, close ─────────────────────────→ closed
 *        └ assign_out → referred ─receive_report→ closed
 *   closed ─reopen (a dispute that came back; a review ordered it redone)→ reopened ─assign_panel→ mediating
 */

const open: readonly CaseStatus[] = ['accepted', 'mediating', 'performing', 'reopened'];

const rules = {
  accept: { from: ['registered'], to: 'accepted' },
  decline: { from: ['registered'], to: 'declined' },
  transfer: { from: ['registered'], to: 'transferred' },
  // 交办: another body handles it and reports back by a date.
  assign_out: { from: ['registered'], to: 'referred' },
  receive_report: { from: ['referred'], to: 'closed' },
  // A petition merged into another case lives on only as part of that case.
  merge_into: { from: ['registered'], to: 'merged' },
  link: { from: ['registered', ...open, 'referred'], to: 'same' },
  // Forming the joint panel starts mediation.
  assign_panel: { from: ['accepted', 'reopened'], to: 'mediating' },
  change_panel: { from: ['mediating', 'performing'], to: 'same' },
  change_track: { from: ['accepted', 'mediating', 'reopened'], to: 'same' },
  // Workers join a group case while it is being decided or mediated, never once it has ended.
  import_roster: { from: ['registered', 'accepted', 'mediating', 'reopened'], to: 'same' },
  // The agreement is written and signed while mediating; a supplementary one amends it later.
  draft_agreement: { from: ['mediating', 'performing'], to: 'same' },
  sign_agreement: { from: ['mediating', 'performing'], to: 'same' },
  // The last required mark (or an oral agreement, effective at once) moves the case on.
  agreement_effective: { from: ['mediating'], to: 'performing' },
  record_oral_agreement: { from: ['mediating'], to: 'performing' },
  apply_confirmation: { from: ['performing'], to: 'same' },
  record_court_decision: { from: ['performing'], to: 'same' },
  record_payment: { from: ['performing'], to: 'same' },
  // Mediation ended without agreement (refused, ended by a party, failed): the routes are told.
  terminate: { from: ['accepted', 'mediating', 'reopened'], to: 'closed' },
  // A petition closes with its written reply (处理意见书).
  reply: { from: ['accepted', 'mediating', 'reopened'], to: 'closed' },
  close: { from: ['mediating', 'performing'], to: 'closed' },
  // A dispute that came back (a follow-up visit), or a review that ordered the case redone.
  reopen: { from: ['closed'], to: 'reopened' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }>;

export type CaseTransition = keyof typeof rules;
export const caseTransitions = Object.keys(rules) as CaseTransition[];
export type Transition = { ok: true; next: CaseStatus } | { ok: false; refusal: 'not_in_this_state' };

export function isTransition(action: string): action is CaseTransition {
  return action in rules;
}

export function decideTransition(status: CaseStatus, action: CaseTransition): Transition {
  const rule = rules[action];
  if (!(rule.from as readonly CaseStatus[]).includes(status)) return { ok: false, refusal: 'not_in_this_state' };
  return { ok: true, next: rule.to === 'same' ? status : rule.to };
}
