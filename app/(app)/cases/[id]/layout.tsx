import type { ReactNode } from 'react';
import { caseOrNotFound } from '../../../_lib/case-or-404';
import { requireUser } from '../../../_lib/session';

/**
 * Asks the access policy before the page's loading skeleton starts streaming: once a
 * response has started, its status can no longer become 404, and a case the caller may not
 * see must answer 404 like one that does not exist. The probe is the cheapest read the
 * policy guards (the newest timeline entry).
 */
export default async function CaseLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api } = await requireUser();
  await caseOrNotFound(api.case.timeline({ caseId: id, limit: 1 }));
  return children;
}
