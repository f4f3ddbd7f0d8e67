import { describe, expect, it } from 'vitest';
import { defaultWarningSettings, type WarningSettings } from '../../server/domain/warning-settings';
import { earlyWarnings, townshipSpikes, type SpikeCase } from '../../server/domain/warnings';

const now = new Date('2026-11-27T02:00:00Z');
const dayMs = 86_400_000;
let n = 0;

/** `count` cases of one category and township, spread over the days from `from` to `to` days ago. */
function cases(count: number, { from, to, category = 'labor_wages', township = '330421102' }: { from: number; to: number; category?: string; township?: string }): SpikeCase[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `case-${++n}`,
    category,
    townshipCode: township,
    townshipName: township === '330421102' ? '西塘镇' : '魏塘街道',
    registeredAt: new Date(now.getTime() - (from - ((from - to) * i) / Math.max(1, count)) * dayMs),
    people: 1,
  }));
}
const recent = (count: number, extra: { category?: string; township?: string } = {}) => cases(count, { from: 6.9, to: 0, ...extra });
/** The 8 weeks before the last 7 days: `perWeek` on average. */
const baseline = (perWeek: number) => cases(perWeek * 8, { from: 62.9, to: 7.1 });
const levels = (list: SpikeCase[], settings?: WarningSettings) => townshipSpikes(list, now, settings).map((w) => [w.level, w.caseIds.length]);

describe('a category × township spike, at and just under each threshold', () => {
  it('with no cases before (baseline 0): 2 nothing, 3 yellow, 4 yellow, 5 red', () => {
    expect(levels(recent(2))).toEqual([]);
    expect(levels(recent(3))).toEqual([['yellow', 3]]);
    expect(levels(recent(4))).toEqual([['yellow', 4]]);
    expect(levels(recent(5))).toEqual([['red', 5]]);
  });

  it('over a baseline of 2 a week: yellow from 2× (4), red from 3× (6)', () => {
    expect(levels([...baseline(2), ...recent(3)])).toEqual([]);
    expect(levels([...baseline(2), ...recent(4)])).toEqual([['yellow', 4]]);
    expect(levels([...baseline(2), ...recent(5)])).toEqual([['yellow', 5]]);
    expect(levels([...baseline(2), ...recent(6)])).toEqual([['red', 6]]);
  });

  it('over a baseline of 1.5 a week the floors decide: yellow at 3, red at 5 (not 4.5)', () => {
    const before = cases(12, { from: 62.9, to: 7.1 });
    expect(levels([...before, ...recent(2)])).toEqual([]);
    expect(levels([...before, ...recent(3)])).toEqual([['yellow', 3]]);
    expect(levels([...before, ...recent(4)])).toEqual([['yellow', 4]]);
    expect(levels([...before, ...recent(5)])).toEqual([['red', 5]]);
  });

  it('counts each category in each township on its own', () => {
    const spread = [...recent(2), ...recent(2, { township: '330421002' }), ...recent(2, { category: 'neighbours' })];
    expect(levels(spread)).toEqual([]);
  });

  it('counts the last 7 days to the millisecond; older cases only in the baseline, older than 9 weeks not at all', () => {
    const edge = (daysAgo: number): SpikeCase => ({ ...recent(1)[0]!, registeredAt: new Date(now.getTime() - daysAgo * dayMs) });
    expect(levels([...recent(2), edge(7)])).toEqual([['yellow', 3]]);
    expect(levels([...recent(2), { ...edge(7), registeredAt: new Date(now.getTime() - 7 * dayMs - 1) }])).toEqual([]);
    // 8 cases just outside the baseline's 8 weeks leave the baseline at 0: 3 recent are yellow still.
    expect(levels([...cases(8, { from: 63.5, to: 63.1 }), ...recent(3)])).toEqual([['yellow', 3]]);
  });

  it('says where, which category, how many against the baseline; keyed by category and township', () => {
    const [warning] = earlyWarnings({ cases: [], spikes: [...baseline(1), ...recent(4)] }, now);
    expect(warning).toMatchObject({
      rule: 'township_spike',
      key: 'labor_wages\u0000330421102',
      level: 'yellow',
      subject: '西塘镇',
      people: 4,
      spike: { category: 'labor_wages', recent: 4, baseline: 1 },
    });
    expect(warning!.caseIds).toHaveLength(4);
  });

  it('with the center’s own thresholds: floors 4 and 8, yellow at 3×, red at 4×; off raises nothing', () => {
    const own: WarningSettings = { ...defaultWarningSettings, township_spike: { enabled: true, thresholds: { yellow: 4, red: 8, yellowTimes: 3, redTimes: 4 } } };
    expect(levels(recent(3), own)).toEqual([]);
    expect(levels(recent(4), own)).toEqual([['yellow', 4]]);
    expect(levels(recent(7), own)).toEqual([['yellow', 7]]);
    expect(levels(recent(8), own)).toEqual([['red', 8]]);
    // Baseline 2 a week: yellow from 6, red from 8.
    expect(levels([...baseline(2), ...recent(5)], own)).toEqual([]);
    expect(levels([...baseline(2), ...recent(6)], own)).toEqual([['yellow', 6]]);
    const off: WarningSettings = { ...defaultWarningSettings, township_spike: { ...defaultWarningSettings.township_spike, enabled: false } };
    expect(levels(recent(9), off)).toEqual([]);
  });
});
