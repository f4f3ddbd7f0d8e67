import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { localDateOf } from '@/server/domain/calendar';
import { StatusBadge } from '../../../_components/StatusBadge';
import { caseOrNotFound } from '../../../_lib/case-or-404';
import { requireUser } from '../../../_lib/session';
import { DuplicateList } from './DuplicateList';
import { Checklist } from './Checklist';
import { ClockActions } from './ClockActions';
import { Clocks } from './Clocks';
import { Composer } from './Composer';
import { IntakeActions } from './IntakeActions';
import { NextStep } from './NextStep';
import { PanelAssigner } from './PanelAssigner';
import { PartyContact } from './PartyContact';
import { RosterImport } from './RosterImport';
import { Sessions } from './Sessions';
import { Timeline } from './Timeline';
import { AgreementSection } from './_resolution/AgreementSection';
import { ClosureActions } from './_resolution/ClosureActions';
import { ClosureSummary } from './_resolution/ClosureSummary';
import { ConfirmationSection } from './_resolution/ConfirmationSection';
import { DocumentsSection } from './_resolution/DocumentsSection';
import { PerformanceSection } from './_resolution/PerformanceSection';
import { PartyRating } from './_ratings/PartyRating';
import { FollowUpsSection } from './_aftercare/FollowUpsSection';
import { ReviewsSection } from './_aftercare/ReviewsSection';
import { SupervisionSection } from './_supervision/SupervisionSection';
import { RatingsSection } from './_ratings/RatingsSection';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api } = await requireUser();
  const renderedAt = new Date().toISOString();
  const [view, timeline, checklist] = await caseOrNotFound(
    Promise.all([api.case.get({ caseId: id }), api.case.timeline({ caseId: id }), api.case.checklist({ caseId: id })]),
  );
  // The resolution's records exist only once mediation has begun; earlier cases skip the queries.
  const resolving = ['mediating', 'performing', 'closed', 'referred'].includes(view.status);
  // Ratings: of the closed case, or of a contact at the window.
  const rateable = view.status === 'closed' || view.visitCount > 0;
  // Aftercare: follow-up visits from an effective agreement on; a petition's reviews once replied.
  const aftercare = ['performing', 'closed', 'reopened'].includes(view.status);
  const [[t, format], resolution, rated, after, supervision] = await Promise.all([
    Promise.all([getTranslations(), getFormatter()]),
    resolving
      ? caseOrNotFound(
          Promise.all([
            api.resolution.agreements({ caseId: id }),
            api.resolution.performance({ caseId: id }),
            api.resolution.confirmation({ caseId: id }),
            api.resolution.closure({ caseId: id }),
            api.resolution.documents({ caseId: id }),
            view.audience === 'staff' ? api.resolution.confirmationVenue({ caseId: id }) : Promise.resolve({ court: null }),
          ]),
        )
      : null,
    rateable
      ? caseOrNotFound(Promise.all([api.rating.list({ caseId: id }), view.audience === 'parties' ? api.rating.choices({ caseId: id }) : Promise.resolve(null)]))
      : null,
    aftercare ? caseOrNotFound(Promise.all([api.aftercare.followUps({ caseId: id }), view.track === 'petition' ? api.aftercare.reviews({ caseId: id }) : Promise.resolve([])])) : null,
    view.audience === 'staff' ? caseOrNotFound(api.supervision.forCase({ caseId: id })) : [],
  ]);
  const [followUps, reviews] = after ?? [[], []];
  const today = localDateOf(new Date(renderedAt));
  const [ratings, ratingChoices] = rated ?? [[], null];
  const [agreements, performance, confirmation, closure, documents, venue] = resolution ?? [[], null, null, null, [], { court: null }];
  const category = t.has(`category.${view.category}`) ? t(`category.${view.category}`) : view.category;
  const applicants = view.parties.filter((p) => p.role === 'applicant');
  const respondents = view.parties.filter((p) => p.role === 'respondent');
  const received = view.channel === 'letter' || view.channel === 'transfer';
  const facts: [string, string | null][] = [
    [t('case.category'), category],
    [t('clock.track'), view.track ? t(`tracks.${view.track}`) : null],
    [t('case.channel'), t(`channel.${view.channel}`)],
    [t('petition.receivedOn'), received ? format.dateTime(view.receivedAt, { dateStyle: 'medium' }) : null],
    [t('case.registeredAt'), format.dateTime(view.registeredAt, { dateStyle: 'medium', timeStyle: 'short' })],
    [t('petition.center'), view.centerName],
    [t('case.amount'), view.amountInDispute ? `¥${format.number(Number(view.amountInDispute))}` : null],
    [t('case.occurredOn'), view.occurredOn],
    [t('case.location'), view.location],
    [t('petition.township'), view.townshipName],
    [t('decision.visits'), String(view.visitCount)],
    [t('petition.trackingCode'), view.trackingCode],
  ];
  const has = (action: string) => view.actions.includes(action as (typeof view.actions)[number]);
  const handling = view.clocks.find((c) => c.kind === 'handling') ?? null;
  const intakeActions = ['accept', 'decline', 'transfer', 'assign_out', 'record_visit'].filter(has);
  const panelList = view.panel.map((m) => ({ userId: m.userId, name: m.name }));
  const partyOptions = view.parties.map((p) => ({ id: p.id, name: p.name, role: p.role, claimedAmount: p.claimedAmount }));
  const toConfirm =
    has('confirm_agreement') &&
    agreements.some((a) => a.state === 'draft' && a.missing.some((m) => m.kind === 'party' && m.partyId !== null && view.ownPartyIds.includes(m.partyId)));
  const confirmationWindow = view.clocks.find((c) => c.kind === 'judicial_confirmation' && c.state === 'running')?.dueAt ?? null;
  const closing = ['terminate', 'close', 'reply', 'receive_report'].some(has);
  const importing = has('import_roster');

  return (
    <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
      <article className="flex min-w-0 flex-1 flex-col gap-4">
        {view.audience === 'parties' && (
          <NextStep
            status={view.status}
            acceptanceDueAt={view.clocks.find((c) => c.kind === 'acceptance')?.dueAt ?? null}
            next={view.nextSession}
            missing={checklist.items.filter((i) => i.status === 'missing').map((i) => i.label)}
            toConfirm={toConfirm}
          />
        )}
        <header className={card}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-mono text-sm text-slate-500">
              <span className="sr-only">{t('case.number')} </span>
              {view.caseNumber}
            </span>
            <StatusBadge status={view.status} />
          </div>
          <h1 className="mt-2 text-xl font-semibold">{view.title}</h1>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className={label === t('petition.trackingCode') ? 'font-mono tracking-wider' : ''}>{value}</dd>
                </div>
              ))}
          </dl>
          <Clocks clocks={view.clocks} />
          {handling && handling.extensions > 0 && view.track === 'petition' && (
            <Link href={`/print/cases/${view.id}/extension-notice`} className="mt-2 inline-block text-sm text-brand-700 underline">
              {t('clock.printNotice')}
            </Link>
          )}
        </header>
        <SupervisionSection caseId={view.id} orders={supervision} canIssue={has('issue_supervision')} canAnswer={has('answer_supervision')} today={today} />
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('case.description')}</h2>
          <p className="whitespace-pre-wrap text-slate-800">{view.description}</p>
          {view.request && (
            <>
              <h2 className="mb-2 mt-4 font-medium">{t('case.request')}</h2>
              <p className="whitespace-pre-wrap text-slate-800">{view.request}</p>
            </>
          )}
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">
            {t('case.parties')} <span className="text-sm font-normal text-slate-500">{t('case.applicantCount', { n: applicants.length })}</span>
          </h2>
          <ul className="flex flex-col gap-2 text-sm">
            {[...applicants, ...respondents].map((p) => (
              <li key={p.id} className="flex flex-wrap gap-x-3">
                <span className="text-slate-500">{t(`partyRole.${p.role}`)}</span>
                <span className="font-medium">{p.name}</span>
                {p.isRepresentative && <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">{t('case.representative')}</span>}
                {p.creditCode && <span className="font-mono text-slate-600">{p.creditCode}</span>}
                <PartyContact caseId={view.id} partyId={p.id} idNumber={p.idNumber} phone={p.phone} canReveal={has('reveal_contact')} />
                {p.claimedAmount && <span className="text-slate-600">{t('case.claim', { amount: format.number(Number(p.claimedAmount)) })}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('panel.members')}</h2>
          {view.panel.length === 0 ? (
            <p className="text-sm text-slate-500">{t('panel.noPanel')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {view.panel.map((m) => (
                <li key={m.userId} className="flex flex-wrap gap-x-2">
                  <span className="font-medium">{m.name}</span>
                  <span className="text-slate-600">{t(`roles.${m.role}`)}</span>
                  {m.organizationName && <span className="text-slate-500">{m.organizationName}</span>}
                  {m.isLead && <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">{t('panel.lead')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        {ratingChoices && <PartyRating caseId={view.id} choices={ratingChoices} ratings={ratings} />}
        {closure && <ClosureSummary closure={closure} />}
        {view.audience === 'staff' && (
          <RatingsSection caseId={view.id} ratings={ratings} role={has('answer_rating') ? 'director' : has('decide_rating_appeal') ? 'supervisor' : null} renderedAt={renderedAt} />
        )}
        <AgreementSection
          caseId={view.id}
          version={view.version}
          status={view.status}
          agreements={agreements}
          parties={partyOptions}
          actions={view.actions}
          ownPartyIds={view.ownPartyIds}
        />
        {performance && (
          <PerformanceSection
            caseId={view.id}
            performance={performance}
            canRecord={has('record_payment')}
            canRoute={has('generate_document')}
            court={venue.court ?? ''}
            labor={view.category === 'labor_wages' || view.track === 'labor_mediation'}
            ownPartyIds={view.ownPartyIds}
          />
        )}
        <ConfirmationSection
          caseId={view.id}
          version={view.version}
          confirmation={confirmation}
          agreements={agreements}
          windowDueAt={confirmationWindow}
          court={venue.court ?? ''}
          actions={view.actions}
        />
        <DocumentsSection caseId={view.id} documents={documents} />
        {view.audience === 'staff' && (
          <FollowUpsSection
            caseId={view.id}
            version={view.version}
            visits={followUps}
            parties={view.parties.map((p) => ({ id: p.id, name: p.name }))}
            canRecord={has('record_follow_up')}
            canReopen={has('reopen')}
            today={today}
          />
        )}
        {view.track === 'petition' && (view.status === 'closed' || reviews.length > 0) && (
          <ReviewsSection caseId={view.id} reviews={reviews} canRecord={has('record_review')} closed={view.status === 'closed'} today={today} />
        )}
        {view.panel.length > 0 && <Checklist caseId={view.id} canEdit={has('update_checklist')} canAnswer={has('answer_checklist')} panel={panelList} />}
        {(view.panel.length > 0 || view.sessions.length > 0) && (
          <Sessions
            caseId={view.id}
            sessions={view.sessions}
            canSchedule={has('schedule_session')}
            canRecord={has('record_session')}
            panel={panelList}
            parties={applicants.map((p) => ({ id: p.id, name: p.name }))}
          />
        )}
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('case.evidence')}</h2>
          {view.evidence.length === 0 ? (
            <p className="text-sm text-slate-500">{t('evidence.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {view.evidence.map((e) => (
                <li key={e.id}>
                  <a href={`/api/evidence/${e.id}`} className="text-brand-700 underline">
                    {e.fileName}
                  </a>{' '}
                  <span className="text-xs text-slate-500">{Math.ceil(e.sizeBytes / 1024)} KB</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {view.links.length > 0 && (
          <section className={card}>
            <h2 className="mb-2 font-medium">{t('case.links')}</h2>
            <ul className="flex flex-col gap-1 text-sm">
              {view.links.map((l) => (
                <li key={l.caseId}>
                  <span className="text-slate-500">{l.kind === 'merged_into' ? t('case.mergedInto') : t('case.related')}</span>{' '}
                  <Link href={`/cases/${l.caseId}`} className="font-mono text-brand-700 underline">
                    {l.caseNumber}
                  </Link>{' '}
                  <span className="text-slate-500">{t(`status.${l.status}`)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className={card} aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="mb-2 font-medium">
            {t('timeline.title')}
          </h2>
          <Timeline
            caseId={view.id}
            initial={timeline.entries}
            hasMore={timeline.hasMore}
            renderedAt={renderedAt}
            showVisibility={view.audience === 'staff'}
          />
        </section>
        {has('post') && (
          <Composer
            caseId={view.id}
            visibilities={view.writableVisibilities}
            parties={applicants.map((p) => ({ id: p.id, name: p.name }))}
            panel={panelList}
          />
        )}
      </article>
      {(closing || importing || intakeActions.length > 0 || has('assign_panel') || has('change_panel') || has('change_track') || has('pause_clock')) && (
        <aside className="flex w-full flex-col gap-4 lg:w-96">
          {intakeActions.length > 0 && (
            <IntakeActions
              caseId={view.id}
              version={view.version}
              actions={intakeActions}
              destinations={view.destinations}
              suggestedTrack={view.suggestedTrack}
            />
          )}
          {has('accept') && <DuplicateList caseId={view.id} version={view.version} candidates={view.duplicates} />}
          {(has('assign_panel') || has('change_panel')) && (
            <PanelAssigner
              caseId={view.id}
              version={view.version}
              category={view.category}
              current={view.panel.map((m) => ({ userId: m.userId, isLead: m.isLead }))}
            />
          )}
          <ClockActions
            caseId={view.id}
            version={view.version}
            track={view.track}
            actions={view.actions}
            handling={handling}
            parties={applicants.map((p) => ({ id: p.id, name: p.name }))}
          />
          {importing && <RosterImport caseId={view.id} version={view.version} />}
          {closing && <ClosureActions caseId={view.id} version={view.version} actions={view.actions} petition={view.track === 'petition'} />}
        </aside>
      )}
    </div>
  );
}
