export const checklistStatuses = ['missing', 'provided'] as const;
export type ChecklistStatus = (typeof checklistStatuses)[number];

/** How ready a case is for a session: provided items over all items. */
export function readiness(items: { status: ChecklistStatus }[]): { provided: number; total: number; ready: boolean } {
  const provided = items.filter((i) => i.status === 'provided').length;
  return { provided, total: items.length, ready: items.length > 0 && provided === items.length };
}
