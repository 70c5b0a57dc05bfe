import { useMutation } from '@tanstack/react-query';
import { submitForm } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';

/** Sends a form's answers; the server creates one record and answers with the thank-you message. */
export function useSubmitForm(token: string) {
  return useMutation({ mutationFn: (fields: Record<string, unknown>) => api(submitForm, { params: { token }, body: { fields } }) });
}
