import { getTranslations } from 'next-intl/server';
import { PageTitle } from '../../_components/PageTitle';
import { requireUser } from '../../_lib/session';
import { CalendarSettings } from './CalendarSettings';
import { ChecklistTemplates } from './ChecklistTemplates';
import { ClockPolicies } from './ClockPolicies';
import { RoutingRules } from './RoutingRules';
import { UserStatusButton } from './UserStatusButton';

export default async function AdminUsersPage() {
  const { api, user: me } = await requireUser('admin');
  const [users, coverage, t] = await Promise.all([api.admin.users(), api.admin.calendarCoverage(), getTranslations()]);
  return (
    <>
      <PageTitle>{t('admin.title')}</PageTitle>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t('admin.user')}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t('admin.role')}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t('admin.status')}</th>
            <th scope="col" className="px-4 py-2" />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                {u.displayName} <span className="font-mono text-xs text-slate-500">{u.username}</span>
              </td>
              <td className="px-4 py-2">{t(`roles.${u.role}`)}</td>
              <td className="px-4 py-2">{u.status === 'active' ? t('admin.active') : t('admin.disabled')}</td>
              <td className="px-4 py-2 text-right">
                {u.id !== me.id && <UserStatusButton userId={u.id} name={u.displayName} status={u.status} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RoutingRules />
      <ChecklistTemplates />
      <ClockPolicies />
      <CalendarSettings coverage={coverage} />
    </>
  );
}
