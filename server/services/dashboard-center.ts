import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { centers } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { centerInScope } from '../auth/policy';
import { notFound } from './errors';

/** The center a dashboard is about: the director's own, or one of the supervisor's region. */
export async function dashboardCenter(db: Database, user: SessionUser, centerId?: string) {
  const id = user.role === 'director' ? user.centerId : centerId;
  if (!id) throw notFound();
  const [center] = await db.select({ id: centers.id, name: centers.name, regionCode: centers.regionCode }).from(centers).where(eq(centers.id, id));
  if (!center || !centerInScope(user, center)) throw notFound();
  return center;
}
