'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { describeError, useTRPC } from '../../_lib/trpc';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../Field';
import { Modal } from '../Modal';
import { SelectField } from '../SelectField';
import { AcceptanceDeadline } from './AcceptanceDeadline';
import { EvidenceField, type UploadedFile } from './EvidenceField';
import { ErrorMessage } from '../ErrorMessage';

interface Applicant {
  name: string;
  idNumber: string;
  phone: string;
  claimedAmount: string;
  isRepresentative: boolean;
}

interface Values {
  centerId: string;
  category: string;
  title: string;
  description: string;
  request: string;
  amountInDispute: string;
  occurredOn: string;
  location: string;
  respondent: { kind: 'person' | 'organization'; name: string; creditCode: string; phone: string };
  applicants: Applicant[];
  channel: string;
  inPerson: boolean;
  sourceAgency: string;
  receivedOn: string;
}

type Similar = { id: string; caseNumber: string; title: string; status: string };

export interface PetitionFormProps {
  mode: 'petitioner' | 'clerk';
  centers: { id: string; name: string }[];
  /** The signed-in petitioner, prefilled as the first applicant. */
  self?: { name: string; phone: string };
  channels?: { value: string; label: string }[];
  /** The center's acceptance clock, to show a letter's deadline as the clerk types its receipt date. */
  acceptanceRule?: { days: number; unit: 'calendar' | 'working' };
}

const draftKey = 'onewindow:petition-draft';
const emptyApplicant: Applicant = { name: '', idNumber: '', phone: '', claimedAmount: '', isRepresentative: false };

/**
 * One form for both doors: the petitioner's own (phone-first, keeps a draft on the device,
 * warns about a matter already in progress) and the clerk's at the window (channel, visit).
 */
export function PetitionForm({ mode, centers, self, channels = [], acceptanceRule }: PetitionFormProps) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [repeat, setRepeat] = useState<{ id: string; caseNumber: string; status: string } | null>(null);
  const [draftSaved, setDraftSaved] = useState(false);

  const { register, control, handleSubmit, watch, reset, getValues } = useForm<Values>({
    defaultValues: {
      centerId: centers.length === 1 ? centers[0]!.id : '',
      category: '',
      title: '',
      description: '',
      request: '',
      amountInDispute: '',
      occurredOn: '',
      location: '',
      respondent: { kind: 'organization', name: '', creditCode: '', phone: '' },
      applicants: [self ? { ...emptyApplicant, name: self.name, phone: self.phone } : emptyApplicant],
      channel: channels[0]?.value ?? '',
      inPerson: mode === 'clerk',
      sourceAgency: '',
      receivedOn: '',
    },
  });
  const applicants = useFieldArray({ control, name: 'applicants' });
  const centerId = watch('centerId');
  const respondentKind = watch('respondent.kind');
  const channel = watch('channel');

  const categories = useQuery({ ...trpc.petition.categories.queryOptions({ centerId }), enabled: !!centerId });
  const categoryOptions = (categories.data ?? []).map((c) => ({
    value: c.code,
    label: (locale === 'en' ? c.labelEn : c.labelZh) ?? (t.has(`category.${c.code}`) ? t(`category.${c.code}`) : c.code),
  }));

  // The petitioner's draft lives on their device until the petition is in.
  useEffect(() => {
    if (mode !== 'petitioner') return;
    const saved = window.localStorage.getItem(draftKey);
    if (saved) {
      try {
        const draft = JSON.parse(saved) as { values: Values; files: UploadedFile[] };
        reset(draft.values);
        setFiles(draft.files ?? []);
      } catch {
        window.localStorage.removeItem(draftKey);
      }
    }
  }, [mode, reset]);
  useEffect(() => {
    if (mode !== 'petitioner') return;
    const subscription = watch((values) => {
      window.localStorage.setItem(draftKey, JSON.stringify({ values, files }));
      setDraftSaved(true);
    });
    return () => subscription.unsubscribe();
  }, [mode, watch, files]);

  const onError = (error: unknown) => {
    const { message, fields } = describeError(error);
    setErrors(fields);
    setFormError(message);
  };
  const onRegistered = (result: { kind: 'registered' | 'repeat'; id: string; caseNumber: string; status?: string }) => {
    if (mode === 'petitioner') window.localStorage.removeItem(draftKey);
    setIdempotencyKey(crypto.randomUUID());
    if (result.kind === 'repeat') {
      setRepeat({ id: result.id, caseNumber: result.caseNumber, status: result.status ?? 'registered' });
      return;
    }
    router.push(`/cases/${result.id}`);
    router.refresh();
  };
  const submitOwn = useMutation(trpc.petition.submit.mutationOptions({ onSuccess: onRegistered, onError }));
  const registerAtWindow = useMutation(trpc.intake.register.mutationOptions({ onSuccess: onRegistered, onError }));
  const pending = submitOwn.isPending || registerAtWindow.isPending;

  function payload(values: Values) {
    const petition = {
      centerId: values.centerId,
      category: values.category,
      title: values.title,
      description: values.description,
      request: values.request,
      amountInDispute: values.amountInDispute,
      occurredOn: values.occurredOn,
      location: values.location,
      respondent: values.respondent,
      applicants: values.applicants,
      evidenceIds: files.map((f) => f.id),
      idempotencyKey,
    };
    return petition;
  }

  function send(values: Values) {
    setErrors({});
    setFormError(null);
    setSimilar([]);
    const petition = payload(values);
    if (mode === 'clerk') {
      registerAtWindow.mutate({
        ...petition,
        channel: values.channel as 'walk_in',
        inPerson: values.inPerson,
        sourceAgency: values.sourceAgency,
        receivedOn: values.channel === 'letter' || values.channel === 'transfer' ? values.receivedOn : undefined,
      } as Parameters<typeof registerAtWindow.mutate>[0]);
    } else {
      submitOwn.mutate(petition as Parameters<typeof submitOwn.mutate>[0]);
    }
  }

  async function onSubmit(values: Values) {
    if (mode === 'petitioner' && values.centerId) {
      const found = await queryClient
        .fetchQuery(
          trpc.petition.precheck.queryOptions({
            centerId: values.centerId,
            title: values.title,
            description: values.description,
            respondent: values.respondent.name ? { name: values.respondent.name, creditCode: values.respondent.creditCode } : undefined,
          }),
        )
        .catch(() => []);
      if (found.length > 0) {
        setSimilar(found);
        return;
      }
    }
    send(values);
  }

  const err = (path: string) => errors[path];
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-6" noValidate>
      <Section title={t('petition.matter')}>
        {mode === 'clerk' && (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="channel" label={t('petition.channel')} error={err('channel')}>
              <Controller
                control={control}
                name="channel"
                render={({ field }) => (
                  <SelectField id="channel" value={field.value} onChange={field.onChange} options={channels} placeholder={t('petition.channel')} />
                )}
              />
            </Field>
            {channel === 'transfer' && (
              <Field id="sourceAgency" label={t('petition.sourceAgency')} error={err('sourceAgency')}>
                <input id="sourceAgency" className={inputClass} {...register('sourceAgency')} />
              </Field>
            )}
            {(channel === 'letter' || channel === 'transfer') && (
              <Field id="receivedOn" label={t('petition.receivedOn')} error={err('receivedOn')}>
                <input id="receivedOn" type="date" className={inputClass} {...register('receivedOn')} />
              </Field>
            )}
            {(channel === 'letter' || channel === 'transfer') && acceptanceRule && (
              <AcceptanceDeadline receivedOn={watch('receivedOn')} rule={acceptanceRule} />
            )}
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" className="h-5 w-5" {...register('inPerson')} />
              {t('petition.inPerson')}
            </label>
          </div>
        )}
        {mode === 'petitioner' && centers.length > 1 && (
          <Field id="centerId" label={t('petition.center')} error={err('centerId')}>
            <Controller
              control={control}
              name="centerId"
              render={({ field }) => (
                <SelectField
                  id="centerId"
                  value={field.value}
                  onChange={field.onChange}
                  options={centers.map((c) => ({ value: c.id, label: c.name }))}
                  placeholder={t('petition.chooseCenter')}
                  invalid={!!err('centerId')}
                />
              )}
            />
          </Field>
        )}
        <Field id="category" label={t('petition.category')} error={err('category')}>
          <Controller
            control={control}
            name="category"
            render={({ field }) => (
              <SelectField
                id="category"
                value={field.value}
                onChange={field.onChange}
                options={categoryOptions}
                placeholder={t('petition.chooseCategory')}
                invalid={!!err('category')}
              />
            )}
          />
        </Field>
        <Field id="title" label={t('petition.title')} hint={t('petition.titleHint')} error={err('title')}>
          <input id="title" maxLength={100} aria-invalid={!!err('title')} className={inputClass} {...register('title')} />
        </Field>
        <Field id="description" label={t('petition.description')} hint={t('petition.descriptionHint')} error={err('description')}>
          <textarea id="description" rows={5} maxLength={5000} aria-invalid={!!err('description')} className={inputClass} {...register('description')} />
        </Field>
        <Field id="request" label={t('petition.request')} hint={t('petition.requestHint')} error={err('request')}>
          <textarea id="request" rows={2} maxLength={2000} aria-invalid={!!err('request')} className={inputClass} {...register('request')} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="amountInDispute" label={t('petition.amount')} error={err('amountInDispute')}>
            <input id="amountInDispute" inputMode="decimal" aria-invalid={!!err('amountInDispute')} className={inputClass} {...register('amountInDispute')} />
          </Field>
          <Field id="occurredOn" label={t('petition.occurredOn')} error={err('occurredOn')}>
            <input id="occurredOn" type="date" aria-invalid={!!err('occurredOn')} className={inputClass} {...register('occurredOn')} />
          </Field>
          <Field id="location" label={t('petition.location')} error={err('location')}>
            <input id="location" maxLength={200} className={inputClass} {...register('location')} />
          </Field>
        </div>
      </Section>

      <Section title={t('petition.respondent')}>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">{t('petition.respondent')}</legend>
          {(['organization', 'person'] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input type="radio" value={kind} className="h-5 w-5" {...register('respondent.kind')} />
              {t(kind === 'person' ? 'petition.respondentPerson' : 'petition.respondentOrganization')}
            </label>
          ))}
        </fieldset>
        <Field id="respondent.name" label={t('petition.respondentName')} error={err('respondent.name')}>
          <input id="respondent.name" maxLength={100} aria-invalid={!!err('respondent.name')} className={inputClass} {...register('respondent.name')} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          {respondentKind === 'organization' && (
            <Field id="respondent.creditCode" label={t('petition.creditCode')} error={err('respondent.creditCode')}>
              <input id="respondent.creditCode" maxLength={18} aria-invalid={!!err('respondent.creditCode')} className={inputClass} {...register('respondent.creditCode')} />
            </Field>
          )}
          <Field id="respondent.phone" label={t('petition.respondentPhone')} error={err('respondent.phone')}>
            <input id="respondent.phone" inputMode="tel" aria-invalid={!!err('respondent.phone')} className={inputClass} {...register('respondent.phone')} />
          </Field>
        </div>
      </Section>

      <Section title={t('petition.applicants')} hint={t('petition.applicantsHint')} error={err('applicants')}>
        <ol className="flex flex-col gap-4">
          {applicants.fields.map((row, i) => (
            <li key={row.id} className="rounded-lg border border-slate-200 p-3">
              <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                <legend className="mb-1 text-sm font-medium text-slate-700">{t('petition.applicantNo', { n: i + 1 })}</legend>
                <Field id={`applicants.${i}.name`} label={t('petition.applicantName')} error={err(`applicants.${i}.name`)}>
                  <input id={`applicants.${i}.name`} className={inputClass} aria-invalid={!!err(`applicants.${i}.name`)} {...register(`applicants.${i}.name`)} />
                </Field>
                <Field id={`applicants.${i}.idNumber`} label={t('petition.idNumber')} error={err(`applicants.${i}.idNumber`)}>
                  <input
                    id={`applicants.${i}.idNumber`}
                    maxLength={18}
                    autoComplete="off"
                    className={inputClass}
                    aria-invalid={!!err(`applicants.${i}.idNumber`)}
                    {...register(`applicants.${i}.idNumber`)}
                  />
                </Field>
                <Field id={`applicants.${i}.phone`} label={t('petition.applicantPhone')} error={err(`applicants.${i}.phone`)}>
                  <input
                    id={`applicants.${i}.phone`}
                    inputMode="tel"
                    className={inputClass}
                    aria-invalid={!!err(`applicants.${i}.phone`)}
                    {...register(`applicants.${i}.phone`)}
                  />
                </Field>
                <Field id={`applicants.${i}.claimedAmount`} label={t('petition.claimedAmount')} error={err(`applicants.${i}.claimedAmount`)}>
                  <input
                    id={`applicants.${i}.claimedAmount`}
                    inputMode="decimal"
                    className={inputClass}
                    aria-invalid={!!err(`applicants.${i}.claimedAmount`)}
                    {...register(`applicants.${i}.claimedAmount`)}
                  />
                </Field>
                <div className="flex items-end justify-between gap-2 pb-2">
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className="h-5 w-5" {...register(`applicants.${i}.isRepresentative`)} />
                    {t('petition.representative')}
                  </label>
                  {applicants.fields.length > 1 && (
                    <button type="button" className="text-sm text-red-700 underline" onClick={() => applicants.remove(i)}>
                      {t('petition.removeApplicant')}
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" className={`${secondaryButtonClass} w-fit`} onClick={() => applicants.append(emptyApplicant)}>
          ＋ {t('petition.addApplicant')}
        </button>
      </Section>

      <Section title={t('evidence.title')} error={err('evidenceIds')}>
        <EvidenceField files={files} onChange={setFiles} />
      </Section>

      <ErrorMessage boxed>{formError}</ErrorMessage>
      <div className="flex flex-col items-stretch gap-2 sm:flex-row sm:items-center">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('petition.submitting') : t('petition.submit')}
        </button>
        {mode === 'petitioner' && draftSaved && <span className="text-xs text-slate-500">{t('petition.draftSaved')}</span>}
      </div>

      <Modal open={similar.length > 0} onClose={() => setSimilar([])} title={t('petition.similarTitle')} description={t('petition.similarBody')}>
        <ul className="mt-4 flex flex-col gap-2">
          {similar.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-mono text-xs text-slate-500">{c.caseNumber}</p>
              <p className="font-medium">{c.title}</p>
              <p className="text-slate-600">{t(`status.${c.status}`)}</p>
              <Link href={`/cases/${c.id}`} className="mt-1 inline-block text-brand-700 underline">
                {t('petition.viewCase')}
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-6 flex justify-end">
          <button type="button" className={secondaryButtonClass} onClick={() => send(getValues())}>
            {t('petition.submitAnyway')}
          </button>
        </div>
      </Modal>

      <Modal
        open={!!repeat}
        onClose={() => setRepeat(null)}
        title={t('petition.repeatTitle')}
        description={repeat ? t('petition.repeatBody', { caseNumber: repeat.caseNumber, status: t(`status.${repeat.status}`) }) : undefined}
      >
        {repeat && (
          <Link href={`/cases/${repeat.id}`} className={`${primaryButtonClass} mt-6`}>
            {t('petition.viewCase')}
          </Link>
        )}
      </Modal>
    </form>
  );
}

function Section({ title, hint, error, children }: { title: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <h2 className="font-medium">{title}</h2>
        {hint && <p className="text-xs text-slate-500">{hint}</p>}
        <ErrorMessage>{error}</ErrorMessage>
      </div>
      {children}
    </section>
  );
}
