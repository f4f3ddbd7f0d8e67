import { describe, expect, it } from 'vitest';
import { regionWarnings } from '../../server/domain/region-warnings';
import { defaultThresholds, fieldsOf, mergedThresholds, thresholdProblems } from '../../server/domain/warning-settings';

describe('a center’s warning thresholds', () => {
  it('are the issue’s defaults where the center set none, and a stored field overrides only itself', () => {
    expect(defaultThresholds).toEqual({
      respondent_wave: { yellow: 3, red: 5, redPeople: 30 },
      group: { yellow: 5, yellowLabor: 10 },
      repeat: { yellow: 2, red: 3 },
      clock: { yellow: 3 },
      escalation: {},
      township_spike: { yellow: 3, red: 5, yellowTimes: 2, redTimes: 3 },
    });
    expect(mergedThresholds('respondent_wave', { red: 8 })).toEqual({ yellow: 3, red: 8, redPeople: 30 });
    expect(mergedThresholds('repeat', null)).toEqual({ yellow: 2, red: 3 });
    expect(fieldsOf('escalation')).toEqual([]);
  });

  it('refuses red below yellow, numbers that are not whole, counts under 1, negative days, missing fields', () => {
    expect(thresholdProblems('respondent_wave', { yellow: 3, red: 5, redPeople: 30 })).toEqual([]);
    expect(thresholdProblems('respondent_wave', { yellow: 4, red: 4, redPeople: 30 })).toEqual([]);
    expect(thresholdProblems('respondent_wave', { yellow: 5, red: 4, redPeople: 30 })).toEqual([{ field: 'red', message: 'warnings.redBelowYellow' }]);
    expect(thresholdProblems('repeat', { yellow: 2.5, red: 3 })).toEqual([{ field: 'yellow', message: 'warnings.wholeNumber' }]);
    expect(thresholdProblems('group', { yellow: 0, yellowLabor: 10 })).toEqual([{ field: 'yellow', message: 'warnings.atLeastOne' }]);
    expect(thresholdProblems('clock', { yellow: 0 })).toEqual([]);
    expect(thresholdProblems('clock', { yellow: -1 })).toEqual([{ field: 'yellow', message: 'warnings.negative' }]);
    expect(thresholdProblems('repeat', { yellow: 2 })).toEqual([{ field: 'red', message: 'validation.required' }]);
    expect(thresholdProblems('escalation', {})).toEqual([]);
    // The spike's multiples too: red below yellow is refused, equal is red at once.
    expect(thresholdProblems('township_spike', { yellow: 3, red: 5, yellowTimes: 3, redTimes: 3 })).toEqual([]);
    expect(thresholdProblems('township_spike', { yellow: 3, red: 5, yellowTimes: 3, redTimes: 2 })).toEqual([{ field: 'redTimes', message: 'warnings.redBelowYellow' }]);
    expect(thresholdProblems('township_spike', { yellow: 3, red: 5, yellowTimes: 0, redTimes: 3 })).toEqual([{ field: 'yellowTimes', message: 'warnings.atLeastOne' }]);
  });
});

describe('the region warning', () => {
  it('names a respondent with open cases in 2 centers, not one in a single center however many', () => {
    const found = regionWarnings([
      { centerId: 'jiashan', key: 'acme', cases: 2 },
      { centerId: 'pinghu', key: 'acme', cases: 1 },
      { centerId: 'jiashan', key: 'local', cases: 9 },
    ]);
    expect(found).toEqual([{ key: 'acme', cases: 3, centers: [{ centerId: 'jiashan', cases: 2 }, { centerId: 'pinghu', cases: 1 }] }]);
  });

  it('with a higher floor: 3 centers, not 2', () => {
    const counts = ['a', 'b', 'c'].map((centerId) => ({ centerId, key: 'acme', cases: 1 }));
    expect(regionWarnings(counts.slice(0, 2), 3)).toEqual([]);
    expect(regionWarnings(counts, 3).map((w) => w.centers.length)).toEqual([3]);
  });
});
