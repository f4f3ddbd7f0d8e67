import { daysBetween, type LocalDate } from './calendar';

/**
 * Review of a petition's handling (信访工作条例 art. 35): within 30 days of the written reply the
 * petitioner may ask the next-higher body for review (复查), which answers within 30 days; within
 * 30 days of that answer, the body above it for re-review (复核). Nothing is accepted again on the
 * same matter after 复核. A mediation agreement is never reviewed this way: it is challenged by
 * suit or changed by mediating again.
 */
export const reviewLevels = ['review', 're_review'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

export const reviewDecisions = ['upheld', 'revoked', 'changed', 'redo'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const reviewWindowDays = 30;

export type ReviewRefusal = 'review.petitionsOnly' | 'review.noReply' | 'review.late' | 'review.beforeAnswer' | 'review.pending_refusal' | 'review.reReviewNeedsReview' | 'review.finished';

/**
 * Whether a request at this level can be recorded now: the case must be a petition closed with a
 * written reply; a review within 30 days of the reply; a re-review only after the review's
 * answer and within 30 days of it; one request per level.
 */
export function decideReviewRequest(input: {
  level: ReviewLevel;
  track: string | null;
  repliedOn: LocalDate | null;
  requestedOn: LocalDate;
  earlier: { level: ReviewLevel; decidedOn: LocalDate | null }[];
}): { ok: true } | { ok: false; refusal: ReviewRefusal } {
  if (input.track !== 'petition') return { ok: false, refusal: 'review.petitionsOnly' };
  if (!input.repliedOn) return { ok: false, refusal: 'review.noReply' };
  if (input.earlier.some((e) => e.decidedOn === null)) return { ok: false, refusal: 'review.pending_refusal' };
  if (input.earlier.some((e) => e.level === input.level || e.level === 're_review')) return { ok: false, refusal: 'review.finished' };
  const from = input.level === 'review' ? input.repliedOn : input.earlier.find((e) => e.level === 'review')?.decidedOn;
  if (!from) return { ok: false, refusal: 'review.reReviewNeedsReview' };
  if (daysBetween(from, input.requestedOn) < 0) return { ok: false, refusal: 'review.beforeAnswer' };
  if (daysBetween(from, input.requestedOn) > reviewWindowDays) return { ok: false, refusal: 'review.late' };
  return { ok: true };
}
