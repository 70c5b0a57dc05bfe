import type { NotificationKind } from '@concord/contracts';

/** Where each kind goes for someone who never changed their settings. */
export const KIND_DEFAULTS = {
  'base.comment.mentioned': { inApp: true, email: false },
  'base.record.assigned': { inApp: true, email: false },
  'base.automation': { inApp: true, email: false },
} as const satisfies Record<NotificationKind, { inApp: boolean; email: boolean }>;
