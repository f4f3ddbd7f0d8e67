import { z } from 'zod';
import { caseStatuses, channels } from '../../../server/domain/case-status';
import { hasUnsafeText } from '../../../server/domain/text';
import { firstValue, pageHref, pageParam, type SearchParams } from '../../_lib/page-param';

/** The cookie that carries the queue's search, so names, phones and case numbers stay out of URLs. */
export const searchCookie = 'intake-search';

const text = (max: number) => z.string().trim().max(max).refine((v) => !hasUnsafeText(v));

/**
 * The queue's filters from the address bar. Anyone can type an address, so every field falls
 * back to its default instead of reaching the procedure as something it would refuse.
 */
const filters = z.object({
  status: z.preprocess(firstValue, z.enum(caseStatuses)).catch('registered'),
  channel: z.preprocess(firstValue, z.enum(channels).optional()).catch(undefined),
  category: z.preprocess(firstValue, text(40).optional()).catch(undefined),
  dueWithinDays: z.preprocess(firstValue, z.coerce.number().int().min(-365).max(60).optional()).catch(undefined),
  sort: z.preprocess(firstValue, z.enum(['due', 'newest'])).catch('due'),
  page: pageParam,
});

export type QueueFilters = z.infer<typeof filters>;

export function parseQueueFilters(params: SearchParams): QueueFilters {
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
  return pageHref('/intake', f.page ?? 1, params);
}
