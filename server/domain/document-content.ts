import { addDays, type LocalDate } from './calendar';
import type { AgreementKind, AgreementVariant, ReplyDecision, TermKind, TerminationKind } from './agreements';
import { collectiveArbitrationMinWorkers } from './agreements';
import { reviewWindowDays } from './reviews';
import type { Track } from './tracks';

/**
 * What each printed document says, built from a snapshot of the case: plain JSON, stored as
 * generated and hashed, so the paper and the record can be compared for ever after. Wording is
 * in the catalogs (`doc.*`); these contents hold facts only.
 */

export interface PartySnapshot {
  id: string;
  role: 'applicant' | 'respondent';
  kind: 'person' | 'organization';
  name: string;
  idNumber: string | null;
  phone: string | null;
  creditCode: string | null;
  isRepresentative: boolean;
  claimedAmount: string | null;
}

export interface CaseSnapshot {
  caseNumber: string;
  centerName: string;
  title: string;
  description: string;
  request: string;
  amountInDispute: string | null;
  track: Track | null;
  receivedOn: LocalDate;
  parties: PartySnapshot[];
}

// The party's id too: two workers may share a name (the annex matches amounts by id).
const person = (p: PartySnapshot) => ({ id: p.id, name: p.name, kind: p.kind, idNumber: p.idNumber, creditCode: p.creditCode, phone: p.phone });

export interface TermSnapshot {
  kind: TermKind;
  description: string;
  obligor: string;
  obligee: string | null;
  /** The obligee's party id (names are not unique). */
  obligeeId?: string | null;
  amount: string | null;
  dueOn: LocalDate | null;
  place: string | null;
  guarantor: string | null;
  onDefault: string | null;
}

export function mediationAgreementContent(
  c: CaseSnapshot,
  a: { number: string; kind: AgreementKind; variant: AgreementVariant; facts: string; issues: string; responsibility: string; oralContent: string | null; effectiveOn: LocalDate; terms: TermSnapshot[] },
) {
  const applicants = c.parties.filter((p) => p.role === 'applicant');
  return {
    number: a.number,
    caseNumber: c.caseNumber,
    center: c.centerName,
    kind: a.kind,
    variant: a.variant,
    applicants: applicants.map(person),
    respondents: c.parties.filter((p) => p.role === 'respondent').map(person),
    facts: a.facts,
    issues: a.issues,
    responsibility: a.responsibility,
    oralContent: a.oralContent,
    terms: a.terms,
    effectiveOn: a.effectiveOn,
    // One copy for each party and one for the committee (人民调解法 art. 29).
    copies: c.parties.length + 1,
    // A group case lists every worker in an annex rather than on the first page.
    annex: applicants.length > 3,
  };
}

export function terminationNoticeContent(c: CaseSnapshot, t: { kind: TerminationKind; reason: string; issuedOn: LocalDate }) {
  return {
    caseNumber: c.caseNumber,
    center: c.centerName,
    title: c.title,
    applicants: c.parties.filter((p) => p.role === 'applicant').map((p) => p.name),
    respondents: c.parties.filter((p) => p.role === 'respondent').map((p) => p.name),
    terminationKind: t.kind,
    reason: t.reason,
    // The routes still open (人民调解法 art. 26): arbitration for labor disputes, litigation, the competent agency.
    routes: c.track === 'labor_mediation' ? ['arbitration', 'litigation', 'agency'] : ['litigation', 'agency'],
    issuedOn: t.issuedOn,
  };
}

/** Materials the court asks for with a confirmation (法释〔2011〕5号 art. 3). */
export const confirmationMaterials = ['agreement', 'identity', 'capacity', 'evidence'] as const;

export function judicialConfirmationContent(c: CaseSnapshot, j: { agreementNumber: string; effectiveOn: LocalDate; court: string; venueReason: string; appliedOn: LocalDate }) {
  return {
    caseNumber: c.caseNumber,
    center: c.centerName,
    court: j.court,
    venueReason: j.venueReason,
    agreementNumber: j.agreementNumber,
    effectiveOn: j.effectiveOn,
    applicants: c.parties.map(person),
    request: 'confirm',
    materials: [...confirmationMaterials],
    appliedOn: j.appliedOn,
  };
}

/**
 * The limitation note printed on a worker's papers: the one-year arbitration limitation is
 * interrupted by the request to the center (劳动争议调解仲裁法 art. 27), and runs again from
 * the end of the mediation.
 */
function limitationNote(c: CaseSnapshot) {
  return { interruptedOn: c.receivedOn, law: 'art27' as const };
}

export function paymentOrderContent(c: CaseSnapshot, worker: PartySnapshot, employer: PartySnapshot, p: { agreementNumber: string; owed: string; dueOn: LocalDate; court: string; issuedOn: LocalDate }) {
  return {
    caseNumber: c.caseNumber,
    court: p.court,
    applicant: person(worker),
    respondent: person(employer),
    amount: p.owed,
    agreementNumber: p.agreementNumber,
    dueOn: p.dueOn,
    limitation: limitationNote(c),
    issuedOn: p.issuedOn,
  };
}

export function arbitrationContent(
  c: CaseSnapshot,
  workers: { party: PartySnapshot; owed: string }[],
  employer: PartySnapshot,
  p: { commission: string; issuedOn: LocalDate },
) {
  const collective = workers.length >= collectiveArbitrationMinWorkers;
  return {
    caseNumber: c.caseNumber,
    commission: p.commission,
    collective,
    // A collective application names its representatives (at most five) and lists every worker.
    representatives: collective ? c.parties.filter((x) => x.isRepresentative).map(person) : [],
    workers: workers.map((w) => ({ ...person(w.party), owed: w.owed })),
    respondent: person(employer),
    facts: c.description,
    limitation: limitationNote(c),
    issuedOn: p.issuedOn,
  };
}

export function referralLetterContent(c: CaseSnapshot, r: { destination: string; reason: string; issuedOn: LocalDate }) {
  return { caseNumber: c.caseNumber, center: c.centerName, destination: r.destination, title: c.title, facts: c.description, reason: r.reason, applicants: c.parties.filter((p) => p.role === 'applicant').map((p) => p.name), issuedOn: r.issuedOn };
}

export function serviceReceiptContent(c: CaseSnapshot, s: { documentKind: string; documentId: string; party: string; method: string; servedOn: LocalDate; receivedBy: string | null }) {
  return { caseNumber: c.caseNumber, center: c.centerName, document: s.documentKind, documentId: s.documentId, party: s.party, method: s.method, servedOn: s.servedOn, receivedBy: s.receivedBy };
}


export function petitionReplyContent(c: CaseSnapshot, r: { decision: ReplyDecision; text: string; issuedOn: LocalDate }) {
  return {
    caseNumber: c.caseNumber,
    center: c.centerName,
    title: c.title,
    request: c.request,
    applicants: c.parties.filter((p) => p.role === 'applicant').map((p) => p.name),
    decision: r.decision,
    text: r.text,
    issuedOn: r.issuedOn,
    reviewBy: addDays(r.issuedOn, reviewWindowDays),
  };
}

/** 不再受理告知书: the same matter, already re-reviewed, is not accepted again (信访工作条例 art. 35). */
export function noFurtherAcceptanceContent(c: CaseSnapshot, n: { earlierCaseNumber: string; reReviewBody: string; reReviewedOn: LocalDate; issuedOn: LocalDate }) {
  return {
    caseNumber: c.caseNumber,
    center: c.centerName,
    title: c.title,
    applicants: c.parties.filter((p) => p.role === 'applicant').map((p) => p.name),
    earlierCaseNumber: n.earlierCaseNumber,
    reReviewBody: n.reReviewBody,
    reReviewedOn: n.reReviewedOn,
    issuedOn: n.issuedOn,
  };
}
