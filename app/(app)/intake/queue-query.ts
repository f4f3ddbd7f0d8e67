import { z } from 'zod';
import { caseStatuses, channels } from '../../../server/domain/case-status';
import { hasUnsafeText } from '../../../server/domain/text';

type Search = Record<string, string | string[] | undefined>;

/** The cookie that carries the queue's search, so names, phones and case numbers stay out of URLs. */
export const searchCookie = 'intake-search';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;
const text = (max: number) => z.string().trim().max(max).refine((v) => !hasUnsafeText(v));

/**
 * The queue's filters from the address bar. Anyone can type an address, so every field falls
 * back to its default instead of reaching the procedure as something it would refuse.
 */
const filters = z.object({
  status: z.preprocess(first, z.enum(caseStatuses)).catch('registered'),
  channel: z.preprocess(first, z.enum(channels).optional()).catch(undefined),
  category: z.preprocess(first, text(40).optional()).catch(undefined),
  dueWithinDays: z.preprocess(first, z.coerce.number().int().min(-365).max(60).optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(['due', 'newest'])).catch('due'),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1),
});

export type QueueFilters = z.infer<typeof filters>;

export function parseQueueFilters(params: Search): QueueFilters {
  return filters.parse({ ...params, dueWithinDays: params.due });
}

export function parseSearch(value: string | undefined): string | undefined {
  const parsed = text(50).optional().safeParse(value || undefined);
  return parsed.success ? parsed.data || undefined : undefined;
}

/** The address of the queue with these filters; the search never goes into it. */
export function queueHref(f: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  if (f.status && f.status !== 'registered') params.set('status', f.status);
  if (f.channel) params.set('channel', f.channel);
  if (f.category) params.set('category', f.category);
  if (f.dueWithinDays !== undefined) params.set('due', String(f.dueWithinDays));
  if (f.sort && f.sort !== 'due') params.set('sort', f.sort);
  if (f.page && f.page > 1) params.set('page', String(f.page));
  const query = params.toString();
  return query ? `/intake?${query}` : '/intake';
}
