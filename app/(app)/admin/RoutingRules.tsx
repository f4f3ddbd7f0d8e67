'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { categories } from '@/server/domain/case-status';
import { panelRoles, type Role } from '@/server/domain/roles';
import { primaryButtonClass, secondaryButtonClass } from '../../_components/Field';
import { describeError, useTRPC } from '../../_lib/trpc';
import { CategorySettings } from './CategorySettings';
import { PendingButton } from '../../_components/PendingButton';

type PanelRole = (typeof panelRoles)[number];

/** Which panel a kind of dispute gets at this center: roles in order, one lead. */
export function RoutingRules() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [category, setCategory] = useState<string>(categories[0]);
  const current = useQuery(trpc.admin.routingRules.queryOptions({ category }));
  const [draft, setDraft] = useState<{ category: string; roles: Map<PanelRole, boolean> } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.setRoutingRules.mutationOptions({
      onSuccess: () => {
        setMessage(t('routing.saved'));
        setDraft(null);
        void current.refetch();
      },
      onError: (e) => setMessage(describeError(e).fields.rules ?? describeError(e).message),
    }),
  );
  const roles =
    draft?.category === category
      ? draft.roles
      : new Map((current.data?.rules ?? []).map((r) => [r.role as PanelRole, r.isLead] as const));
  const edit = (next: Map<PanelRole, boolean>) => setDraft({ category, roles: next });

  return (
    <CategorySettings
      id="routing"
      title={t('routing.title')}
      hint={t('routing.hint')}
      category={category}
      onCategory={(c) => {
        setCategory(c);
        setMessage(null);
      }}
      message={message}
    >
      <ul className="flex flex-col gap-1 text-sm">
        {panelRoles.map((role) => (
          <li key={role} className="flex items-center gap-4">
            <label className="flex min-h-11 w-40 items-center gap-2">
              <input
                className="h-5 w-5"
                type="checkbox"
                checked={roles.has(role)}
                onChange={() => {
                  const next = new Map(roles);
                  if (next.has(role)) next.delete(role);
                  else next.set(role, false);
                  edit(next);
                }}
              />
              {t(`roles.${role as Role}`)}
            </label>
            {roles.has(role) && (
              <label className="flex min-h-11 items-center gap-1 text-xs">
                <input className="h-5 w-5" type="radio" name="routing-lead" checked={roles.get(role) === true} onChange={() => edit(new Map([...roles].map(([r]) => [r, r === role] as const)))} />
                {t('panel.lead')}
              </label>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex gap-2">
        <PendingButton
          pending={save.isPending && save.variables?.rules.length !== 0}
          disabled={save.isPending}
          className={primaryButtonClass}
          onClick={() =>
            save.mutate({
              category,
              // A role kept keeps its organization and condition (e.g. the judge "when confirmation is needed").
              rules: [...roles].map(([role, isLead]) => {
                const before = current.data?.rules.find((r) => r.role === role);
                return { role, isLead, organizationKind: before?.organizationKind ?? undefined, condition: before?.condition ?? undefined };
              }),
            })
          }
        >
          {t('common.save')}
        </PendingButton>
        {current.data?.custom && (
          <PendingButton
            pending={save.isPending && save.variables?.rules.length === 0}
            disabled={save.isPending}
            className={secondaryButtonClass}
            onClick={() => save.mutate({ category, rules: [] })}
          >
            {t('routing.reset')}
          </PendingButton>
        )}
      </div>
    </CategorySettings>
  );
}
