import { describe, expect, it } from 'vitest';
import { followUpAfterClosure, followUpsForTerms } from '../../server/domain/follow-ups';
import { decideReviewRequest } from '../../server/domain/reviews';

describe('follow-up visits planned from an agreement', () => {
  it('visits three days before each distinct due date and a week after the last', () => {
    expect(followUpsForTerms(['2026-12-20', '2026-12-10', '2026-12-20'], '2026-11-27')).toEqual([
      { reason: 'before_term', dueOn: '2026-12-07' },
      { reason: 'before_term', dueOn: '2026-12-17' },
      { reason: 'after_last_term', dueOn: '2026-12-27' },
    ]);
  });

  it('moves a visit that would already be due to tomorrow, once', () => {
    expect(followUpsForTerms(['2026-11-28', '2026-11-29'], '2026-11-27')).toEqual([
      { reason: 'before_term', dueOn: '2026-11-28' },
      { reason: 'after_last_term', dueOn: '2026-12-06' },
    ]);
  });

  it('plans nothing without due dates, and a visit 30 days after closure (or the center’s own number)', () => {
    expect(followUpsForTerms([], '2026-11-27')).toEqual([]);
    expect(followUpAfterClosure('2026-11-27')).toEqual({ reason: 'after_closure', dueOn: '2026-12-27' });
    expect(followUpAfterClosure('2026-11-27', { before_term: 3, after_last_term: 7, after_closure: 10 }).dueOn).toBe('2026-12-07');
  });
});

describe('review requests of a petition (复查 / 复核)', () => {
  const base = { track: 'petition', repliedOn: '2026-11-01', requestedOn: '2026-11-20', earlier: [] };

  it('takes a review within 30 days of the written reply, and not on the 31st', () => {
    expect(decideReviewRequest({ ...base, level: 'review', requestedOn: '2026-12-01' })).toEqual({ ok: true });
    expect(decideReviewRequest({ ...base, level: 'review', requestedOn: '2026-12-02' })).toEqual({ ok: false, refusal: 'review.late' });
    // A date before the reply is a typing error, not a late request.
    expect(decideReviewRequest({ ...base, level: 'review', requestedOn: '2026-10-30' })).toEqual({ ok: false, refusal: 'review.beforeAnswer' });
  });

  it('never reviews a mediation, nor a petition without its reply', () => {
    expect(decideReviewRequest({ ...base, level: 'review', track: 'people_mediation' })).toEqual({ ok: false, refusal: 'review.petitionsOnly' });
    expect(decideReviewRequest({ ...base, level: 'review', repliedOn: null })).toEqual({ ok: false, refusal: 'review.noReply' });
  });

  it('takes a re-review only after the review’s answer, within 30 days of it; nothing after the re-review', () => {
    expect(decideReviewRequest({ ...base, level: 're_review' })).toEqual({ ok: false, refusal: 'review.reReviewNeedsReview' });
    expect(decideReviewRequest({ ...base, level: 're_review', earlier: [{ level: 'review', decidedOn: null }] })).toEqual({ ok: false, refusal: 'review.pending_refusal' });
    const reviewed = [{ level: 'review' as const, decidedOn: '2026-11-10' }];
    expect(decideReviewRequest({ ...base, level: 're_review', earlier: reviewed })).toEqual({ ok: true });
    expect(decideReviewRequest({ ...base, level: 're_review', earlier: reviewed, requestedOn: '2026-12-11' })).toEqual({ ok: false, refusal: 'review.late' });
    expect(decideReviewRequest({ ...base, level: 'review', earlier: reviewed })).toEqual({ ok: false, refusal: 'review.finished' });
    const finished = [...reviewed, { level: 're_review' as const, decidedOn: '2026-11-15' }];
    expect(decideReviewRequest({ ...base, level: 're_review', earlier: finished })).toEqual({ ok: false, refusal: 'review.finished' });
  });
});
