'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { fieldErrors } from '@/server/i18n/validation';
import { reviseErrors } from '../../_lib/field-errors';
import { describeError, useTRPC } from '../../_lib/trpc';
import { ErrorMessage } from '../ErrorMessage';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../Field';
import { Modal } from '../Modal';
import { PendingButton } from '../PendingButton';
import { SelectField } from '../SelectField';
import { ApplicantsField } from './ApplicantsField';
import { ClaimsCheck } from './ClaimsCheck';
import { AcceptanceDeadline } from './AcceptanceDeadline';
import { EvidenceField, type UploadedFile } from './EvidenceField';
import { emptyApplicant, type PetitionValues } from './values';

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

type Schemas = typeof import('@/server/routers/petition.schema');
// zod and the schemas load when the person starts filling in the form, not with the page:
// building them costs a phone's CPU more than anything else the page does.
let schemas: Schemas | null = null;
const loadSchemas = async () => (schemas ??= await import('@/server/routers/petition.schema'));

/**
 * One form for both doors: the petitioner's own (phone-first, keeps a draft on the device,
 * warns about a matter already in progress) and the clerk's at the window (channel, visit).
 * It checks itself with the server's own schema before sending, so the messages are the
 * server's, and rechecks a field the person was told about as they correct it.
 */
export function PetitionForm({ mode, centers, self, channels = [], acceptanceRule }: PetitionFormProps) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ message: string; aboutFields: boolean } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [uploading, setUploading] = useState(false);
  const [checking, setChecking] = useState(false);
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [repeat, setRepeat] = useState<{ id: string; caseNumber: string; status: string } | null>(null);
  const [draftSaved, setDraftSaved] = useState(false);

  const form = useForm<PetitionValues>({
    defaultValues: {
      centerId: centers.length === 1 ? centers[0]!.id : '',
      category: '',
      title: '',
      description: '',
      request: '',
      amountInDispute: '',
      occurredOn: '',
      location: '',
      townshipCode: '',
      respondent: { kind: 'organization', name: '', creditCode: '', phone: '' },
      applicants: [self ? { ...emptyApplicant, name: self.name, phone: self.phone } : emptyApplicant],
      channel: channels[0]?.value ?? '',
      inPerson: mode === 'clerk',
      sourceAgency: '',
      receivedOn: '',
    },
  });
  const { register, control, handleSubmit, watch, reset, getValues, setValue } = form;
  const centerId = watch('centerId');
  const respondentKind = watch('respondent.kind');
  const channel = watch('channel');

  const categories = useQuery({ ...trpc.petition.categories.queryOptions({ centerId }), enabled: !!centerId });
  const townships = useQuery({ ...trpc.petition.townships.queryOptions({ centerId }), enabled: !!centerId });
  // A township of the center chosen before (or of an old draft) is not one of this center's.
  useEffect(() => {
    const code = getValues('townshipCode');
    if (code && townships.data && !townships.data.some((township) => township.code === code)) setValue('townshipCode', '');
  }, [townships.data, getValues, setValue]);
  const categoryOptions = (categories.data ?? []).map((c) => ({
    value: c.code,
    label: (locale === 'en' ? c.labelEn : c.labelZh) ?? (t.has(`category.${c.code}`) ? t(`category.${c.code}`) : c.code),
  }));

  const payload = useCallback(
    (values: PetitionValues) => {
      const petition = {
        centerId: values.centerId,
        category: values.category,
        title: values.title,
        description: values.description,
        request: values.request,
        amountInDispute: values.amountInDispute,
        occurredOn: values.occurredOn,
        location: values.location,
        townshipCode: values.townshipCode,
        respondent: values.respondent,
        applicants: values.applicants,
        evidenceIds: files.map((f) => f.id),
        idempotencyKey,
      };
      const received = values.channel === 'letter' || values.channel === 'transfer';
      return mode === 'clerk'
        ? { ...petition, channel: values.channel, inPerson: values.inPerson, sourceAgency: values.sourceAgency, receivedOn: received ? values.receivedOn : '' }
        : petition;
    },
    [files, idempotencyKey, mode],
  );

  /** What the server would say about these values, field by field, in the person's language (once the schemas are in). */
  const localErrors = useCallback(
    (values: PetitionValues) => {
      if (!schemas) return {};
      const result = (mode === 'clerk' ? schemas.clerkPetitionInput : schemas.petitionInput).safeParse(payload(values));
      if (result.success) return {};
      return fieldErrors(result.error.issues, (key, vars) => (t.has(key) ? t(key, vars) : key));
    },
    [mode, payload, t],
  );

  // The petitioner's draft lives on their device until the petition is in.
  useEffect(() => {
    if (mode !== 'petitioner') return;
    const saved = window.localStorage.getItem(draftKey);
    if (saved) {
      try {
        const draft = JSON.parse(saved) as { values: PetitionValues; files: UploadedFile[] };
        reset(draft.values);
        setFiles(draft.files ?? []);
      } catch {
        window.localStorage.removeItem(draftKey);
      }
    }
  }, [mode, reset]);
  useEffect(() => {
    const subscription = watch((values, { name }) => {
      if (mode === 'petitioner') {
        window.localStorage.setItem(draftKey, JSON.stringify({ values, files }));
        setDraftSaved(true);
      }
      if (name) setErrors((shown) => (Object.keys(shown).length ? reviseErrors(shown, name, localErrors(values as PetitionValues)) : shown));
    });
    return () => subscription.unsubscribe();
  }, [mode, watch, files, localErrors]);

  // After a refusal the person lands on the first thing to fix, wherever it is on a long form.
  useEffect(() => {
    if (!focusRequest) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-anchor]');
    first?.focus({ preventScroll: true });
    first?.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  function refuse(fields: Record<string, string>, message: string) {
    setErrors(fields);
    setFormError({ message, aboutFields: Object.keys(fields).length > 0 });
    setFocusRequest((n) => n + 1);
  }
  const onError = (error: unknown) => {
    const { message, fields } = describeError(error);
    refuse(fields, message);
  };
  const onRegistered = (result: { kind: 'registered' | 'repeat'; id: string; caseNumber: string; status?: string }) => {
    if (mode === 'petitioner') window.localStorage.removeItem(draftKey);
    setIdempotencyKey(crypto.randomUUID());
    if (result.kind === 'repeat') {
      setRepeat({ id: result.id, caseNumber: result.caseNumber, status: result.status ?? 'registered' });
      return;
    }
    router.push(`/cases/${result.id}/receipt`);
  };
  const submitOwn = useMutation(trpc.petition.submit.mutationOptions({ onSuccess: onRegistered, onError }));
  const registerAtWindow = useMutation(trpc.intake.register.mutationOptions({ onSuccess: onRegistered, onError }));
  const pending = submitOwn.isPending || registerAtWindow.isPending;

  function send(values: PetitionValues) {
    setSimilar([]);
    if (mode === 'clerk') registerAtWindow.mutate(payload(values) as Parameters<typeof registerAtWindow.mutate>[0]);
    else submitOwn.mutate(payload(values) as Parameters<typeof submitOwn.mutate>[0]);
  }

  async function onSubmit(values: PetitionValues) {
    setFormError(null);
    await loadSchemas();
    const problems = localErrors(values);
    if (Object.keys(problems).length > 0) return refuse(problems, t('errors.invalidInput'));
    setErrors({});
    if (mode === 'petitioner') {
      setChecking(true);
      const found = await queryClient
        .fetchQuery(
          trpc.petition.precheck.queryOptions({
            centerId: values.centerId,
            title: values.title,
            description: values.description,
            respondent: values.respondent.name ? { name: values.respondent.name, creditCode: values.respondent.creditCode } : undefined,
          }),
        )
        .catch(() => [])
        .finally(() => setChecking(false));
      if (found.length > 0) return setSimilar(found);
    }
    send(values);
  }

  const changeFiles = (update: (files: UploadedFile[]) => UploadedFile[]) => {
    setFiles(update);
    setErrors(({ evidenceIds: _, ...rest }) => rest);
  };
  const busyLabel = uploading ? t('petition.waitUpload') : checking ? t('petition.checking') : pending ? t('petition.submitting') : null;
  const showFormError = formError && (!formError.aboutFields || Object.keys(errors).length > 0);
  const err = (path: string) => errors[path];
  return (
    <form ref={formRef} onSubmit={handleSubmit(onSubmit)} onFocusCapture={() => void loadSchemas()} className="flex flex-col gap-6" noValidate>
      <Section title={t('petition.matter')}>
        {mode === 'clerk' && (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="channel" label={t('petition.channel')} error={err('channel')}>
              <Controller
                control={control}
                name="channel"
                render={({ field }) => (
                  <SelectField id="channel" value={field.value} onChange={field.onChange} options={channels} placeholder={t('petition.channel')} invalid={!!err('channel')} />
                )}
              />
            </Field>
            {channel === 'transfer' && (
              <Field id="sourceAgency" label={t('petition.sourceAgency')} error={err('sourceAgency')}>
                <input id="sourceAgency" aria-invalid={!!err('sourceAgency')} className={inputClass} {...register('sourceAgency')} />
              </Field>
            )}
            {(channel === 'letter' || channel === 'transfer') && (
              <Field id="receivedOn" label={t('petition.receivedOn')} error={err('receivedOn')}>
                <input id="receivedOn" type="date" aria-invalid={!!err('receivedOn')} className={inputClass} {...register('receivedOn')} />
              </Field>
            )}
            {(channel === 'letter' || channel === 'transfer') && acceptanceRule && <AcceptanceDeadline receivedOn={watch('receivedOn')} rule={acceptanceRule} />}
            <label className="flex min-h-11 items-center gap-2 text-sm sm:col-span-2">
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
            <input id="location" maxLength={200} aria-invalid={!!err('location')} className={inputClass} {...register('location')} />
          </Field>
        </div>
        {(townships.data?.length ?? 0) > 0 && (
          <Field id="townshipCode" label={t('petition.township')} hint={t('petition.townshipHint')} error={err('townshipCode')}>
            {/* Native: one more Radix select would cost the phone's first tap more than it gives. */}
            <select id="townshipCode" aria-invalid={!!err('townshipCode')} className={inputClass} {...register('townshipCode')}>
              <option value="">{t('petition.townshipUnknown')}</option>
              {townships.data!.map((township) => (
                <option key={township.code} value={township.code}>
                  {township.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </Section>

      <Section title={t('petition.respondent')}>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">{t('petition.respondent')}</legend>
          {(['organization', 'person'] as const).map((kind) => (
            <label key={kind} className="flex min-h-11 items-center gap-2">
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
        <ApplicantsField form={form} errors={errors} />
        <ClaimsCheck control={control} />
      </Section>

      <Section title={t('evidence.title')} error={err('evidenceIds')}>
        <EvidenceField files={files} onChange={changeFiles} onUploadingChange={setUploading} />
      </Section>

      {showFormError && (
        <div tabIndex={-1} data-error-anchor={formError.aboutFields ? undefined : true}>
          <ErrorMessage boxed>{formError.message}</ErrorMessage>
        </div>
      )}
      <div className="flex flex-col items-stretch gap-2 sm:flex-row sm:items-center">
        <PendingButton type="submit" pending={!!busyLabel} pendingLabel={busyLabel} className={primaryButtonClass}>
          {t('petition.submit')}
        </PendingButton>
        {mode === 'petitioner' && draftSaved && <span className="text-xs text-slate-600">{t('petition.draftSaved')}</span>}
      </div>

      <Modal open={similar.length > 0} onClose={() => setSimilar([])} title={t('petition.similarTitle')} description={t('petition.similarBody')}>
        <ul className="mt-4 flex flex-col gap-2">
          {similar.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-mono text-xs text-slate-600">{c.caseNumber}</p>
              <p className="font-medium">{c.title}</p>
              <p className="text-slate-600">{t(`status.${c.status}`)}</p>
              <Link href={`/cases/${c.id}`} className="mt-1 inline-block text-brand-700 underline">
                {t('petition.viewCase')}
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-6 flex justify-end">
          <PendingButton pending={pending} pendingLabel={t('petition.submitting')} className={secondaryButtonClass} onClick={() => send(getValues())}>
            {t('petition.submitAnyway')}
          </PendingButton>
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

/**
 * A part of the form. Each is its own Suspense boundary, so a phone hydrates the long form
 * in several short tasks instead of one long one that blocks the first tap.
 */
function Section({ title, hint, error, children }: { title: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <section
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      tabIndex={error ? -1 : undefined}
      data-error-anchor={error ? true : undefined}
    >
      <div>
        <h2 className="font-medium">{title}</h2>
        {hint && <p className="text-xs text-slate-600">{hint}</p>}
        <ErrorMessage>{error}</ErrorMessage>
      </div>
      <Suspense>{children}</Suspense>
    </section>
  );
}
