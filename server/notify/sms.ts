import type { Database } from '../../db/client';
import { smsOutbox } from '../../db/schema';

/**
 * How text messages leave the system. The default keeps them in the `sms_outbox` table,
 * inside the sending transaction, where a gateway adapter (or a person in a trial) reads them.
 */
export interface SmsSender {
  send(tx: Database, message: { phone: string; body: string }): Promise<void>;
}

export const outboxSmsSender: SmsSender = {
  async send(tx, message) {
    await tx.insert(smsOutbox).values(message);
  },
};

let current: SmsSender = outboxSmsSender;

export function smsSender(): SmsSender {
  return current;
}

/** For a deployment's gateway adapter. */
export function useSmsSender(sender: SmsSender): void {
  current = sender;
}
