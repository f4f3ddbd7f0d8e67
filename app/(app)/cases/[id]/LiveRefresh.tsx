'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../../_lib/trpc';

/** Re-renders the case when an entry the viewer may read is written, without a reload. */
export function LiveRefresh({ caseId, renderedAt }: { caseId: string; renderedAt: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [after] = useState(() => new Date(renderedAt));
  useSubscription(trpc.case.live.subscriptionOptions({ caseId, after }, { onData: () => router.refresh() }));
  return null;
}
