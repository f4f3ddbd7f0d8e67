import { describe, expect, it } from 'vitest';
import { duplicateThreshold, normalizeName, repeatThreshold, scoreDuplicate } from '../../server/domain/duplicates';

const none = { sameIdNumber: false, samePhone: false, sameRespondent: false, textSimilarity: 0 };

describe('duplicate scoring', () => {
  it('scores nothing in common as zero, with no reasons', () => {
    expect(scoreDuplicate(none)).toEqual({ score: 0, reasons: [] });
  });

  it('shows the same applicant alone, but not as a repeat', () => {
    const byId = scoreDuplicate({ ...none, sameIdNumber: true });
    expect(byId).toEqual({ score: 0.7, reasons: ['same_applicant_id'] });
    expect(byId.score).toBeGreaterThanOrEqual(duplicateThreshold);
    expect(byId.score).toBeLessThan(repeatThreshold);
  });

  it('ignores faint text likeness and compounds the signals that agree', () => {
    expect(scoreDuplicate({ ...none, textSimilarity: 0.1 }).reasons).toEqual([]);
    const strong = scoreDuplicate({ sameIdNumber: false, samePhone: true, sameRespondent: true, textSimilarity: 0.6 });
    expect(strong.reasons).toEqual(['same_applicant_phone', 'same_respondent', 'similar_text']);
    // 1 − (1 − 0.5)(1 − 0.4)(1 − 0.48) = 0.844
    expect(strong.score).toBe(0.84);
  });

  it('compares respondent names without spaces, bracket width or case', () => {
    expect(normalizeName('XX 海鲜店（嘉善）')).toBe(normalizeName('xx海鲜店(嘉善)'));
  });
});
