/**
 * The people's rating of a service (好差评, Zhejiang's rules for public services): five levels
 * and four tags; "一次一评" rates one contact at the window, "一事一评" the whole case once it is
 * closed. A bad rating is answered on a clock: the director calls the rater back within 1 day,
 * verifies the complaint, and rectifies and reports back within 15 days (units configurable:
 * other provinces count working days); a complaint the director finds unfounded is appealed
 * to the supervisor, whose upheld appeal keeps the rating on record but out of the rate. The
 * rater may add one follow-up rating (追评), which then counts instead of the first.
 */

export const ratingLevels = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof ratingLevels)[number];

/** 效率, 便利, 规范, 态度. */
export const ratingTags = ['efficiency', 'convenience', 'conduct', 'attitude'] as const;
export type RatingTag = (typeof ratingTags)[number];

export const ratingScopes = ['case', 'contact'] as const;
export type RatingScope = (typeof ratingScopes)[number];

export const ratingChannels = ['portal', 'sms_link'] as const;
export type RatingChannel = (typeof ratingChannels)[number];

export function isBadRating(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very_dissatisfied';
}

/** Counted as satisfied in 满意率: 非常满意, 满意, 基本满意. */
export function isSatisfied(level: RatingLevel): boolean {
  return !isBadRating(level);
}

/** 属实整改 (the complaint is true: rectify), 解释说明 (explain), 申诉 (unfounded: appeal to the supervisor). */
export const verifications = ['substantiated', 'explained', 'unfounded'] as const;
export type Verification = (typeof verifications)[number];

export const rectificationStates = ['callback_due', 'verifying', 'rectifying', 'appealed', 'reported', 'appeal_upheld'] as const;
export type RectificationState = (typeof rectificationStates)[number];

export type RectificationStep =
  | { step: 'call_back' }
  | { step: 'verify'; verification: Verification }
  | { step: 'report' }
  | { step: 'decide_appeal'; upheld: boolean };

/** The steps of answering a bad rating, in order; a refusal names why. */
export function nextRectification(state: RectificationState, action: RectificationStep): { ok: true; next: RectificationState } | { ok: false; refusal: 'rectification.outOfOrder' } {
  const refuse = { ok: false as const, refusal: 'rectification.outOfOrder' as const };
  switch (action.step) {
    case 'call_back':
      return state === 'callback_due' ? { ok: true, next: 'verifying' } : refuse;
    case 'verify':
      if (state !== 'verifying') return refuse;
      return { ok: true, next: action.verification === 'unfounded' ? 'appealed' : 'rectifying' };
    case 'report':
      return state === 'rectifying' ? { ok: true, next: 'reported' } : refuse;
    case 'decide_appeal':
      // A rejected appeal goes back to the director's verification (属实整改 or 解释说明; never
      // "unfounded" again), on the clock it already had.
      if (state !== 'appealed') return refuse;
      return { ok: true, next: action.upheld ? 'appeal_upheld' : 'verifying' };

  }
}

/** Finished: nothing more is owed to the rater. */
export function isRectificationDone(state: RectificationState): boolean {
  return state === 'reported' || state === 'appeal_upheld';
}

/** How long a rating link sent by SMS stays usable. */
export const ratingLinkDays = 30;
