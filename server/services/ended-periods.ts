import type { FrozenReport } from '../domain/kpis';

type Figures = FrozenReport['figures'];

/**
 * The case-fact figures of ended periods, per center and facts version, in this process: the
 * trend recomputes only the running period while a center's facts stay as they were. Each
 * instance keeps its own (the version, read from the database, keeps them all right); the
 * oldest go first past a few thousand.
 */
class EndedPeriods {
  private readonly kept = new Map<string, { version: number; figures: Figures }>();
  constructor(private readonly limit: number) {}

  get(centerId: string, period: string, version: number): Figures | undefined {
    const entry = this.kept.get(`${centerId}|${period}`);
    return entry?.version === version ? entry.figures : undefined;
  }

  set(centerId: string, period: string, version: number, figures: Figures) {
    const key = `${centerId}|${period}`;
    this.kept.delete(key);
    this.kept.set(key, { version, figures });
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
  }
}

export const endedPeriods = new EndedPeriods(5000);
