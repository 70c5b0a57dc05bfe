import { z } from 'zod';
import { fieldOptions, fieldType, filterNode, sortSpec } from '@concord/table-engine';
import { defineRoute } from '../http.ts';
import { id, isoDateTime, ok } from '../common.ts';

export const baseRole = z.enum(['owner', 'editor', 'commenter', 'viewer']);
export type BaseRole = z.infer<typeof baseRole>;

export const fieldDto = z.object({
  id,
  tableId: id,
  name: z.string(),
  type: fieldType,
  options: z.record(z.string(), z.unknown()),
  isPrimary: z.boolean(),
  description: z.string().nullable(),
});
export type FieldDto = z.infer<typeof fieldDto>;

export const viewType = z.enum(['grid', 'kanban', 'form', 'gallery', 'calendar']);
const viewSettings = {
  filter: filterNode.nullable(),
  sort: z.array(sortSpec).max(10),
  groupBy: z.array(sortSpec).max(3),
  hiddenFieldIds: z.array(id),
  frozenFieldCount: z.number().int().min(0).max(10),
  fieldOrder: z.array(id),
  columnWidths: z.record(z.string(), z.number().int().min(40).max(1000)),
  rowHeight: z.enum(['short', 'medium', 'tall', 'extra']),
  /** Kanban: the single-select field whose options are the columns. */
  groupFieldId: id.nullable(),
  /** Calendar: the date field. */
  dateFieldId: id.nullable(),
  /** Form views: what the form asks and who may fill it in. */
  form: z
    .object({
      title: z.string().max(200),
      description: z.string().max(5000).default(''),
      fields: z.array(z.object({ fieldId: id, required: z.boolean().default(false), hint: z.string().max(500).default('') })).max(200),
      /** public: anyone with the link; internal: anyone signed in to Concord. */
      access: z.enum(['public', 'internal']).default('internal'),
      /** Assigned by the server; the form's link is /forms/<token>. */
      token: z.string().nullable().default(null),
      submitMessage: z.string().max(1000).default(''),
    })
    .nullable(),
};
export const viewConfig = z.object({
  filter: viewSettings.filter.default(null),
  sort: viewSettings.sort.default([]),
  groupBy: viewSettings.groupBy.default([]),
  hiddenFieldIds: viewSettings.hiddenFieldIds.default([]),
  frozenFieldCount: viewSettings.frozenFieldCount.default(1),
  fieldOrder: viewSettings.fieldOrder.default([]),
  columnWidths: viewSettings.columnWidths.default({}),
  rowHeight: viewSettings.rowHeight.default('short'),
  groupFieldId: viewSettings.groupFieldId.default(null),
  dateFieldId: viewSettings.dateFieldId.default(null),
  form: viewSettings.form.default(null),
});
/** A partial change to a view's settings: only the keys given change. */
export const viewConfigPatch = z.object(viewSettings).partial();
export type ViewConfig = z.infer<typeof viewConfig>;
export const viewDto = z.object({ id, tableId: id, name: z.string(), type: viewType, config: viewConfig });
export type ViewDto = z.infer<typeof viewDto>;

export const tableDto = z.object({ id, baseId: id, name: z.string(), primaryFieldId: id, fields: z.array(fieldDto), views: z.array(viewDto) });
export type TableDto = z.infer<typeof tableDto>;
export const baseDto = z.object({
  id,
  name: z.string(),
  role: baseRole,
  revision: z.number().int(),
  tables: z.array(z.object({ id, name: z.string() })),
  createdAt: isoDateTime,
});
export type BaseDto = z.infer<typeof baseDto>;

/** A new field: name plus type-specific options (validated per type). */
export const fieldInput = z.intersection(
  z.object({ name: z.string().trim().min(1).max(100), description: z.string().max(1000).nullable().optional() }),
  fieldOptions,
);
export type FieldInput = z.infer<typeof fieldInput>;

export const createBase = defineRoute({
  method: 'post',
  path: '/base/bases',
  access: 'user',
  body: z.object({ name: z.string().trim().min(1).max(100) }),
  output: baseDto,
  status: 201,
});
export const listBases = defineRoute({ method: 'get', path: '/base/bases', access: 'user', output: z.object({ items: z.array(baseDto) }) });
export const getBase = defineRoute({ method: 'get', path: '/base/bases/:baseId', access: 'user', params: z.object({ baseId: id }), output: baseDto });

export const createTable = defineRoute({
  method: 'post',
  path: '/base/bases/:baseId/tables',
  access: 'user',
  params: z.object({ baseId: id }),
  body: z.object({ name: z.string().trim().min(1).max(100), fields: z.array(fieldInput).max(300).optional() }),
  output: tableDto,
  status: 201,
});
export const getTable = defineRoute({ method: 'get', path: '/base/tables/:tableId', access: 'user', params: z.object({ tableId: id }), output: tableDto });
export const renameTable = defineRoute({
  method: 'patch',
  path: '/base/tables/:tableId',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ name: z.string().trim().min(1).max(100) }),
  output: tableDto,
});
export const deleteTable = defineRoute({ method: 'delete', path: '/base/tables/:tableId', access: 'user', params: z.object({ tableId: id }), output: ok });

export const createField = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/fields',
  access: 'user',
  params: z.object({ tableId: id }),
  body: fieldInput,
  output: fieldDto,
  status: 201,
});
export const deleteField = defineRoute({ method: 'delete', path: '/base/fields/:fieldId', access: 'user', params: z.object({ fieldId: id }), output: ok });

/** What a type change would do to existing values, shown before anything changes. */
export const conversionPreview = z.object({
  total: z.number().int(),
  converted: z.number().int(),
  /** Values that cannot be converted and would be cleared (first 50). */
  failures: z.array(z.object({ recordId: id, value: z.string() })),
  failureCount: z.number().int(),
  /** Select options that would be created from existing values. */
  newOptions: z.array(z.string()),
});
export type ConversionPreview = z.infer<typeof conversionPreview>;

export const previewFieldChange = defineRoute({
  method: 'post',
  path: '/base/fields/:fieldId/preview',
  access: 'user',
  params: z.object({ fieldId: id }),
  body: fieldInput,
  output: conversionPreview,
});

/** Renames a field, changes its options, or converts its type. A lossy conversion needs `confirmLoss: true`. */
export const updateField = defineRoute({
  method: 'patch',
  path: '/base/fields/:fieldId',
  access: 'user',
  params: z.object({ fieldId: id }),
  body: z.intersection(fieldInput, z.object({ confirmLoss: z.boolean().optional() })),
  output: fieldDto,
});

export const createView = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/views',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ name: z.string().trim().min(1).max(100), type: viewType.default('grid'), config: viewConfigPatch.optional() }),
  output: viewDto,
  status: 201,
});
export const updateView = defineRoute({
  method: 'patch',
  path: '/base/views/:viewId',
  access: 'user',
  params: z.object({ viewId: id }),
  body: z.object({ name: z.string().trim().min(1).max(100).optional(), config: viewConfigPatch.optional() }),
  output: viewDto,
});
export const deleteView = defineRoute({ method: 'delete', path: '/base/views/:viewId', access: 'user', params: z.object({ viewId: id }), output: ok });
