'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { parseQueueFilters, parseSearch, queueHref, searchCookie } from './queue-query';

/**
 * The filter form posts here: the search goes into a short-lived cookie for the queue page
 * alone, the other filters into the address, which can then be shared and bookmarked.
 */
export async function applyQueueFilters(form: FormData): Promise<void> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
  const search = parseSearch(values.q);
  const jar = await cookies();
  if (search) jar.set(searchCookie, search, { path: '/intake', httpOnly: true, sameSite: 'strict', maxAge: 8 * 3600 });
  else jar.delete({ name: searchCookie, path: '/intake' });
  redirect(queueHref({ ...parseQueueFilters(values), page: 1 }));
}
