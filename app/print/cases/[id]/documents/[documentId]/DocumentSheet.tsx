import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/* The content of a generated document is stored as issued (and hashed); this only lays it out. */
type Content = Record<string, unknown>;
interface Person {
  id?: string;
  name: string;
  kind?: 'person' | 'organization';
  idNumber?: string | null;
  creditCode?: string | null;
  phone?: string | null;
  owed?: string;
}
interface Term {
  kind: 'payment' | 'act';
  description: string;
  obligor: string;
  obligee: string | null;
  obligeeId?: string | null;
  amount: string | null;
  dueOn: string | null;
  place: string | null;
  guarantor: string | null;
  onDefault: string | null;
}

const str = (c: Content, key: string) => (typeof c[key] === 'string' ? (c[key] as string) : '');
const list = <T,>(c: Content, key: string) => (Array.isArray(c[key]) ? (c[key] as T[]) : []);

function Paragraph({ children }: { children: ReactNode }) {
  return <p className="indent-8">{children}</p>;
}

function Heading({ children }: { children: ReactNode }) {
  return <h2 className="mt-4 font-bold">{children}</h2>;
}

export async function DocumentSheet({ kind, content }: { kind: string; content: Content }) {
  const t = await getTranslations('doc');
  const tKind = await getTranslations('documents');
  const date = (d: string) => (d ? t('date', { y: d.slice(0, 4), m: String(Number(d.slice(5, 7))), d: String(Number(d.slice(8, 10))) }) : '');
  const person = (p: Person, label: string) => (
    <p key={`${label}-${p.name}`}>
      {label}：{p.name}
      {p.idNumber && `，${t('idNumber')} ${p.idNumber}`}
      {p.creditCode && `，${t('creditCode')} ${p.creditCode}`}
      {p.phone && `，${t('phone')} ${p.phone}`}
    </p>
  );
  const signature = (by: string, on: string) => (
    <div className="mt-12 text-right">
      <p>{by}</p>
      <p>{date(on)}</p>
    </div>
  );
  const limitation = (c: Content) => {
    const l = c.limitation as { interruptedOn?: string } | undefined;
    return l?.interruptedOn ? <p className="mt-6 border-t border-black pt-2 text-sm">{t('limitation', { date: date(l.interruptedOn) })}</p> : null;
  };
  const money = (v: string | null | undefined) => (v ? t('yuan', { amount: v }) : '');

  let body: ReactNode;
  switch (kind) {
    case 'mediation_agreement': {
      const applicants = list<Person>(content, 'applicants');
      const terms = list<Term>(content, 'terms');
      body = (
        <>
          {content.annex ? <p>{t('applicantsInAnnex', { n: applicants.length, first: applicants[0]?.name ?? '' })}</p> : applicants.map((p) => person(p, t('applicant')))}
          {list<Person>(content, 'respondents').map((p) => person(p, t('respondent')))}
          {content.kind === 'oral' ? (
            <>
              <Heading>{t('oralContent')}</Heading>
              <Paragraph>{str(content, 'oralContent')}</Paragraph>
            </>
          ) : (
            <>
              <Heading>{t('facts')}</Heading>
              <Paragraph>{str(content, 'facts')}</Paragraph>
              <Heading>{t('issues')}</Heading>
              <Paragraph>{str(content, 'issues')}</Paragraph>
              <Heading>{t('responsibility')}</Heading>
              <Paragraph>{str(content, 'responsibility')}</Paragraph>
            </>
          )}
          <Heading>{t('terms')}</Heading>
          <ol className="list-decimal pl-8">
            {terms.map((term, i) => (
              <li key={i}>
                {t('term', { obligor: term.obligor, obligee: term.obligee ? t('toObligee', { name: term.obligee }) : '', description: term.description })}
                {term.amount && money(term.amount)}
                {term.dueOn && t('termDue', { date: date(term.dueOn) })}
                {term.place && t('termPlace', { place: term.place })}
                {term.guarantor && t('termGuarantor', { guarantor: term.guarantor })}
                {term.onDefault && t('termDefault', { onDefault: term.onDefault })}
              </li>
            ))}
          </ol>
          <Paragraph>{t(content.variant === 'labor' ? 'effectLabor' : 'effectPeople', { copies: Number(content.copies ?? 2) })}</Paragraph>
          <div className="mt-10 grid grid-cols-2 gap-6">
            <p>{t('partySignatures')}</p>
            <p>{t('mediatorSignature')}</p>
          </div>
          {signature(t('committeeOf', { center: str(content, 'center') }), str(content, 'effectiveOn'))}
          {content.annex ? (
            <section className="break-before-page">
              <h2 className="mt-8 text-center font-bold">{t('annexTitle')}</h2>
              <table className="mt-2 w-full border-collapse text-sm">
                <thead>
                  <tr>
                    {['no', 'name', 'idNumber', 'phone', 'agreedAmount', 'signHere'].map((h) => (
                      <th key={h} className="border border-black px-1">
                        {t(h)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {applicants.map((p, i) => (
                    <tr key={i}>
                      <td className="border border-black px-1 text-center">{i + 1}</td>
                      <td className="border border-black px-1">{p.name}</td>
                      <td className="border border-black px-1 font-mono">{p.idNumber}</td>
                      <td className="border border-black px-1 font-mono">{p.phone}</td>
                      <td className="border border-black px-1 text-right">{terms
                          // By party id; documents issued before ids were stored match by name.
                          .filter((term) => (term.obligeeId && p.id ? term.obligeeId === p.id : term.obligee === p.name))
                          .map((term) => term.amount)
                          .join('、')}</td>
                      <td className="w-24 border border-black px-1" />
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      );
      break;
    }
    case 'termination_notice':
      body = (
        <>
          <p>{t('to', { names: list<string>(content, 'applicants').concat(list<string>(content, 'respondents')).join('、') })}</p>
          <Paragraph>{t('terminationBody', { title: str(content, 'title'), reason: t(`terminationKind.${str(content, 'terminationKind')}`), detail: str(content, 'reason') })}</Paragraph>
          <Paragraph>{t('routesIntro')}</Paragraph>
          <ol className="list-decimal pl-8">
            {list<string>(content, 'routes').map((r) => (
              <li key={r}>{t(`route.${r}`)}</li>
            ))}
          </ol>
          {signature(str(content, 'center'), str(content, 'issuedOn'))}
        </>
      );
      break;
    case 'judicial_confirmation_application':
      body = (
        <>
          {list<Person>(content, 'applicants').map((p) => person(p, t('jointApplicant')))}
          <Heading>{t('request')}</Heading>
          <Paragraph>{t('confirmationRequest', { number: str(content, 'agreementNumber'), effective: date(str(content, 'effectiveOn')) })}</Paragraph>
          <Heading>{t('venue')}</Heading>
          <Paragraph>{str(content, 'venueReason')}</Paragraph>
          <Heading>{t('materials')}</Heading>
          <ol className="list-decimal pl-8">
            {list<string>(content, 'materials').map((m) => (
              <li key={m}>{t(`material.${m}`)}</li>
            ))}
          </ol>
          <Paragraph>{t('confirmationPledge')}</Paragraph>
          <p className="mt-6">{t('toCourt', { court: str(content, 'court') })}</p>
          {signature(t('applicantsSign'), str(content, 'appliedOn'))}
        </>
      );
      break;
    case 'payment_order_application': {
      const applicant = content.applicant as Person;
      body = (
        <>
          {person(applicant, t('applicant'))}
          {person(content.respondent as Person, t('respondent'))}
          <Heading>{t('request')}</Heading>
          <Paragraph>{t('paymentOrderRequest', { amount: str(content, 'amount') })}</Paragraph>
          <Heading>{t('factsAndReasons')}</Heading>
          <Paragraph>{t('paymentOrderFacts', { number: str(content, 'agreementNumber'), due: date(str(content, 'dueOn')), amount: str(content, 'amount') })}</Paragraph>
          <p className="mt-6">{t('toCourt', { court: str(content, 'court') })}</p>
          {signature(t('applicantSigns', { name: applicant.name }), str(content, 'issuedOn'))}
          {limitation(content)}
        </>
      );
      break;
    }
    case 'arbitration_application': {
      const workers = list<Person>(content, 'workers');
      body = (
        <>
          {content.collective ? (
            <>
              <p>{t('collectiveApplicants', { n: workers.length })}</p>
              {list<Person>(content, 'representatives').map((p) => person(p, t('representative')))}
            </>
          ) : (
            workers.map((p) => person(p, t('applicant')))
          )}
          {person(content.respondent as Person, t('respondent'))}
          <Heading>{t('request')}</Heading>
          <Paragraph>{t('arbitrationRequest')}</Paragraph>
          <table className="mt-2 w-full border-collapse text-sm">
            <thead>
              <tr>
                {['no', 'name', 'idNumber', 'owedAmount'].map((h) => (
                  <th key={h} className="border border-black px-1">
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {workers.map((w, i) => (
                <tr key={i}>
                  <td className="border border-black px-1 text-center">{i + 1}</td>
                  <td className="border border-black px-1">{w.name}</td>
                  <td className="border border-black px-1 font-mono">{w.idNumber}</td>
                  <td className="border border-black px-1 text-right">{w.owed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Heading>{t('factsAndReasons')}</Heading>
          <Paragraph>{str(content, 'facts')}</Paragraph>
          <p className="mt-6">{t('toCommission', { commission: str(content, 'commission') })}</p>
          {signature(t('applicantsSign'), str(content, 'issuedOn'))}
          {limitation(content)}
        </>
      );
      break;
    }
    case 'referral_letter':
      body = (
        <>
          <p>{t('toBody', { destination: str(content, 'destination') })}</p>
          <Paragraph>{t('referralBody', { applicants: list<string>(content, 'applicants').join('、'), title: str(content, 'title'), reason: str(content, 'reason') })}</Paragraph>
          <Heading>{t('facts')}</Heading>
          <Paragraph>{str(content, 'facts')}</Paragraph>
          {signature(str(content, 'center'), str(content, 'issuedOn'))}
        </>
      );
      break;
    case 'service_receipt':
      body = (
        <table className="mt-4 w-full border-collapse">
          <tbody>
            {[
              [t('servedDocument'), tKind(`kind.${str(content, 'document')}`)],
              [t('servedParty'), str(content, 'party')],
              [t('serviceMethod'), tKind(`service.${str(content, 'method')}`)],
              [t('servedOn'), date(str(content, 'servedOn'))],
              [t('receivedBy'), str(content, 'receivedBy')],
            ].map(([label, value]) => (
              <tr key={label}>
                <th className="w-40 border border-black px-2 text-left font-normal">{label}</th>
                <td className="border border-black px-2">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
      break;
    case 'petition_reply':
      body = (
        <>
          <p>{t('to', { names: list<string>(content, 'applicants').join('、') })}</p>
          <Paragraph>{t('replyIntro', { title: str(content, 'title') })}</Paragraph>
          <Paragraph>{str(content, 'text')}</Paragraph>
          <Paragraph>{t('replyConclusion', { decision: t(`replyDecision.${str(content, 'decision')}`) })}</Paragraph>
          <Paragraph>{t('reviewRight', { date: date(str(content, 'reviewBy')) })}</Paragraph>
          {signature(str(content, 'center'), str(content, 'issuedOn'))}
        </>
      );
      break;
    case 'no_further_acceptance':
      body = (
        <>
          <p>{t('to', { names: list<string>(content, 'applicants').join('、') })}</p>
          <Paragraph>
            {t('noFurtherBody', { title: str(content, 'title'), earlierCaseNumber: str(content, 'earlierCaseNumber'), date: date(str(content, 'reReviewedOn')), body: str(content, 'reReviewBody') })}
          </Paragraph>
          <Paragraph>{t('noFurtherLaw')}</Paragraph>
          {signature(str(content, 'center'), str(content, 'issuedOn'))}
        </>
      );
      break;
    default:
      body = null;
  }

  return (
    <>
      <h1 className="mb-2 text-center text-2xl font-bold tracking-widest">{tKind(`kind.${kind}`)}</h1>
      <p className="mb-6 text-center">
        {str(content, 'number') ? t('number', { number: str(content, 'number') }) : t('caseNumber', { number: str(content, 'caseNumber') })}
      </p>
      {body}
    </>
  );
}
