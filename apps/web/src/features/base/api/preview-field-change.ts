import { previewFieldChange, type ConversionPreview, type FieldInput } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

/** What a type change would do to existing values: how many convert, which would be cleared, new select options. */
export function fetchFieldChangePreview(fieldId: string, body: FieldInput): Promise<ConversionPreview> {
  return api(previewFieldChange, { params: { fieldId }, body });
}
