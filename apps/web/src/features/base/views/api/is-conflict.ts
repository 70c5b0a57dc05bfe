import { isApiError } from '../../../../lib/api-client.ts';

/** Someone saved the record after this tab loaded it (409 `base.record.conflict`). */
export function isConflict(err: unknown): boolean {
  return isApiError(err) && err.code === 'base.record.conflict';
}
