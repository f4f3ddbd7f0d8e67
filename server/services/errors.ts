/**
 * What a service can refuse with. `messageKey` names a message in the catalogs
 * (server/i18n/messages), so the caller sees it in their own language; `field` attaches it
 * to one input field of a form.
 */
export type ServiceErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'rate_limited' | 'unauthorized';

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly messageKey: string,
    readonly options: { field?: string; values?: Record<string, string | number> } = {},
  ) {
    super(messageKey);
    this.name = 'ServiceError';
  }
}

export const notFound = () => new ServiceError('not_found', 'errors.notFound');
