import { hashPassword } from '../server/auth/password';
import type { Database } from './client';
import { demoAccounts, demoCenters, demoPassword } from './demo';
import { categories } from '../server/domain/case-status';
import { centerCategories, centers, organizations, referralDestinations, townships, users } from './schema';

/** Fills an empty database with the demo centers and accounts; does nothing otherwise. */
export async function seedDemo(db: Database): Promise<boolean> {
  const existing = await db.select({ id: centers.id }).from(centers).limit(1);
  if (existing.length > 0) return false;
  // Every demo account has the same password; one hash (with its own salt) serves them all.
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const centerIds: Record<string, string> = {};
    const orgIds: Record<string, Record<string, string>> = {};
    for (const [key, center] of Object.entries(demoCenters)) {
      const [row] = await tx
        .insert(centers)
        .values({ name: center.name, regionCode: center.regionCode, parentRegionCode: center.parentRegionCode })
        .returning({ id: centers.id });
      centerIds[key] = row!.id;
      const orgs = await tx
        .insert(organizations)
        .values(center.organizations.map((o) => ({ ...o, centerId: row!.id })))
        .returning({ id: organizations.id, kind: organizations.kind });
      orgIds[key] = Object.fromEntries(orgs.map((o) => [o.kind, o.id]));
      await tx.insert(centerCategories).values(categories.map((code, i) => ({ centerId: row!.id, code, sortOrder: i })));
      await tx.insert(referralDestinations).values(center.destinations.map((name, i) => ({ centerId: row!.id, name, sortOrder: i })));
      await tx.insert(townships).values(center.townships.map((t, position) => ({ centerId: row!.id, ...t, position })));
    }
    await tx.insert(users).values(
      demoAccounts.map((a) => {
        const isPhone = a.role === 'petitioner';
        return {
          role: a.role,
          username: isPhone ? null : a.login,
          phone: isPhone ? a.login : (a.phone ?? null),
          displayName: a.displayName,
          passwordHash,
          centerId: a.center ? centerIds[a.center] : null,
          organizationId: a.center && a.organization ? (orgIds[a.center]?.[a.organization] ?? null) : null,
          regionCode: a.regionCode ?? null,
        };
      }),
    );
  });
  return true;
}
