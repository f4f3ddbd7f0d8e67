import { redirect } from 'next/navigation';
import { homePathFor, type Role } from '@/server/domain/roles';
import { serverApi } from '@/server/request-context';

/**
 * Page guard: no valid session → sign-in; the wrong role → the user's own home. The data
 * behind every page is still authorized by the tRPC procedures; this only picks the page.
 */
export async function requireUser(...allowed: Role[]) {
  const session = await serverApi();
  if (!session.user) redirect('/signin');
  if (allowed.length > 0 && !allowed.includes(session.user.role)) redirect(homePathFor(session.user.role));
  return { ...session, user: session.user };
}
