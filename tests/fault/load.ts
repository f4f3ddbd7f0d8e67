import { randomUUID } from 'node:crypto';

/** One petition as the form sends it, with its idempotency key kept across retries, as the form keeps it. */
export interface Submission {
  key: string;
  /** In the title, so a case can be traced to its submission without the idempotency table. */
  token: string;
  caseNumber?: string;
  /** Every answer it got: 200, a clean 503, or anything else (which fails the test). */
  answers: Answer[];
}

export interface Answer {
  status: number | 'timeout' | 'network';
  ms: number;
  /** performance.now() when the request was sent and when its answer came. */
  sentAt: number;
  at: number;
  clean: boolean;
  caseNumber?: string;
  detail?: string;
}

export interface LoadOptions {
  baseUrl: string;
  cookie: string;
  centerId: string;
  /** The 503 message in the caller's language (no locale cookie: Chinese). */
  unavailableMessage: string;
  /** A request still unanswered after this long counts as hanging. */
  timeoutMs: number;
}

export const titlePrefix = '故障演练';

export function newSubmission(): Submission {
  const token = randomUUID().slice(0, 8);
  return { key: randomUUID(), token, answers: [] };
}

/** Sends (or re-sends, with the same key) one submission and records the answer. */
export async function send(options: LoadOptions, submission: Submission): Promise<Answer> {
  const started = performance.now();
  const body = JSON.stringify({
    json: {
      centerId: options.centerId,
      category: 'labor_wages',
      title: `${titlePrefix}${submission.token}拖欠工资`,
      description: `演练工地${submission.token}拖欠工人工资，多次讨要未果。`,
      request: '支付拖欠工资',
      respondent: { kind: 'organization', name: `演练公司${submission.token}` },
      applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
      evidenceIds: [],
      idempotencyKey: submission.key,
    },
  });
  let answer: Answer;
  try {
    const res = await fetch(`${options.baseUrl}/api/trpc/petition.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: options.cookie },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status === 200) {
      const caseNumber = (JSON.parse(text) as { result: { data: { json: { caseNumber: string } } } }).result.data.json.caseNumber;
      answer = { status: 200, ms, sentAt: started, at: performance.now(), clean: true, caseNumber };
    } else {
      const message = safeMessage(text);
      const clean = res.status === 503 && message === options.unavailableMessage && res.headers.get('retry-after') !== null;
      answer = { status: res.status, ms, sentAt: started, at: performance.now(), clean, detail: clean ? undefined : `${res.status} ${message ?? text.slice(0, 200)}` };
    }
  } catch (error) {
    const name = (error as Error).name;
    answer = { status: name === 'TimeoutError' ? 'timeout' : 'network', ms: performance.now() - started, sentAt: started, at: performance.now(), clean: false, detail: String(error) };
  }
  submission.answers.push(answer);
  if (answer.caseNumber) submission.caseNumber ??= answer.caseNumber;
  return answer;
}

function safeMessage(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { error?: { json?: { message?: string } } }).error?.json?.message;
  } catch {
    return undefined;
  }
}

/**
 * Clients that keep submitting until told to stop. Each submission is tried up to
 * `attempts` times, a second apart, with the same key (as a person pressing the button again
 * would); then the client gives up on it and starts the next.
 */
export function runClients(options: LoadOptions, clients: number, attempts: number) {
  const submissions: Submission[] = [];
  let stopping = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopping) {
      const submission = newSubmission();
      submissions.push(submission);
      for (let i = 0; i < attempts; i++) {
        const answer = await send(options, submission);
        if (answer.status === 200 || !answer.clean) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  });
  return {
    submissions,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
