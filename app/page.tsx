import { redirect } from 'next/navigation';
import { homePathFor } from '@/server/domain/roles';
import { serverApi } from '@/server/request-context';

export default async function Home() {
  const { user } = await serverApi();
  redirect(user ? homePathFor(user.role) : '/signin');
}
