import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { centerCategories, referralDestinations, townships } from '../../db/schema';
import { categories as defaultCategories } from '../domain/case-status';

export interface CategoryOption {
  code: string;
  /** Set for a center's own categories; built-in codes are translated from the catalogs. */
  labelZh: string | null;
  labelEn: string | null;
}

/** The categories a center offers: its configured list, or the defaults when it has none. */
export async function centerCategoryOptions(db: Database, centerId: string): Promise<CategoryOption[]> {
  const rows = await db
    .select({ code: centerCategories.code, labelZh: centerCategories.labelZh, labelEn: centerCategories.labelEn, active: centerCategories.active })
    .from(centerCategories)
    .where(eq(centerCategories.centerId, centerId))
    .orderBy(asc(centerCategories.sortOrder));
  if (rows.length === 0) return defaultCategories.map((code) => ({ code, labelZh: null, labelEn: null }));
  return rows.filter((r) => r.active).map(({ active: _active, ...option }) => option);
}

export async function centerDestinations(db: Database, centerId: string) {
  return db
    .select({ id: referralDestinations.id, name: referralDestinations.name })
    .from(referralDestinations)
    .where(and(eq(referralDestinations.centerId, centerId), eq(referralDestinations.active, true)))
    .orderBy(asc(referralDestinations.sortOrder));
}

/** The townships of a center's county, in the order its forms list them (none configured: an empty list, and the forms ask nothing). */
export async function centerTownships(db: Database, centerId: string) {
  return db
    .select({ code: townships.code, name: townships.name })
    .from(townships)
    .where(eq(townships.centerId, centerId))
    .orderBy(asc(townships.position), asc(townships.code));
}
