/**
 * The supervisor's region warning: one respondent (matched by a keyed hash of its credit code,
 * so codes are never compared or shown in the clear) with open cases in several centers of the
 * region — an employer moving its trouble from county to county.
 */

/** At least this many centers; fixed for the region (a center's settings tune its own rules only). */
export const regionMinCenters = 2;

/** One respondent's open cases in one center. */
export interface RespondentCount {
  centerId: string;
  /** The keyed hash of the respondent's credit code. */
  key: string;
  cases: number;
}

export interface RegionWarning {
  key: string;
  centers: { centerId: string; cases: number }[];
  cases: number;
}

/** Respondents with open cases in at least `minCenters` centers, the most centers (then cases) first. */
export function regionWarnings(counts: RespondentCount[], minCenters = regionMinCenters): RegionWarning[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const centers = byKey.get(c.key) ?? new Map<string, number>();
    centers.set(c.centerId, (centers.get(c.centerId) ?? 0) + c.cases);
    byKey.set(c.key, centers);
  }
  return [...byKey]
    .filter(([, centers]) => centers.size >= minCenters)
    .map(([key, centers]) => {
      const list = [...centers].map(([centerId, cases]) => ({ centerId, cases })).sort((a, b) => b.cases - a.cases);
      return { key, centers: list, cases: list.reduce((sum, c) => sum + c.cases, 0) };
    })
    .sort((a, b) => b.centers.length - a.centers.length || b.cases - a.cases);
}
