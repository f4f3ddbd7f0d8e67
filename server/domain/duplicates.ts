/**
 * How alike a new petition and an open case are. Each signal alone is a reason to look;
 * together they compound (1 − Π(1 − wᵢ)), so the same person about the same respondent
 * with similar words scores near 1.
 */

export type DuplicateReason = 'same_applicant_id' | 'same_applicant_phone' | 'same_respondent' | 'similar_text';

export interface DuplicateSignals {
  sameIdNumber: boolean;
  samePhone: boolean;
  sameRespondent: boolean;
  /** pg_trgm similarity of the texts, 0..1. */
  textSimilarity: number;
}

const weight: Record<Exclude<DuplicateReason, 'similar_text'>, number> = {
  same_applicant_id: 0.7,
  same_applicant_phone: 0.5,
  same_respondent: 0.4,
};

/** Below this, text likeness is noise (Chinese text has no spaces, so pg_trgm scores related petitions around 0.2). */
export const textSimilarityFloor = 0.15;
/** Candidates scoring below this are not shown. */
export const duplicateThreshold = 0.35;
/** A submission this alike to an open case the same account filed is a repeat, not a new case. */
export const repeatThreshold = 0.85;

export function scoreDuplicate(signals: DuplicateSignals): { score: number; reasons: DuplicateReason[] } {
  const reasons: DuplicateReason[] = [];
  let miss = 1;
  const add = (reason: DuplicateReason, w: number) => {
    reasons.push(reason);
    miss *= 1 - w;
  };
  if (signals.sameIdNumber) add('same_applicant_id', weight.same_applicant_id);
  if (signals.samePhone) add('same_applicant_phone', weight.same_applicant_phone);
  if (signals.sameRespondent) add('same_respondent', weight.same_respondent);
  if (signals.textSimilarity >= textSimilarityFloor) add('similar_text', Math.min(1, signals.textSimilarity) * 0.8);
  return { score: Math.round((1 - miss) * 100) / 100, reasons };
}

/** Respondent names compare without spaces, brackets style or case: “XX海鲜店（嘉善）” = “xx海鲜店(嘉善)”. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•]/g, '')
    .toLowerCase();
}
