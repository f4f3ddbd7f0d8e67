import type { ReactNode } from 'react';
import { AppShell } from '../_components/AppShell';
import { requireUser } from '../_lib/session';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user, api } = await requireUser();
  return (
    <AppShell user={user} unread={await api.inbox.unreadCount()}>
      {children}
    </AppShell>
  );
}
