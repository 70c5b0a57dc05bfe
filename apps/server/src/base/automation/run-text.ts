import type { AutomationAction, LocalizedText, Locale } from '@concord/contracts';
import { AppError, localize } from '../../platform/errors.ts';

/**
 * Run-log messages are stored in both languages and shown in the reader's: the worker writes them once, as the
 * automation's creator, while editors who read the log may speak another language.
 */
export type RunText = LocalizedText;

/** Text that reads the same in both languages (names, ids, HTTP statuses, messages from outside systems). */
export const asIs = (s: string): RunText => ({ en: s, zh: s });

export const RUN_TEXT = {
  turnedOff: { en: 'The automation was turned off', zh: '自动化已关闭' },
  noRecord: { en: 'No record', zh: '没有对应的记录' },
  recordDeleted: { en: 'The record was deleted', zh: '记录已被删除' },
  creatorInactive: {
    en: 'The person who created this automation is no longer active; re-save it as someone else',
    zh: '创建此自动化的成员已停用，请由其他成员重新保存',
  },
  actionInvalid: (n: number): RunText => ({ en: `Action ${n} is no longer valid`, zh: `第 ${n} 个动作已失效` }),
  loopStopped: (depth: number): RunText => ({
    en: `Stopped: ${depth} automations in a row triggered each other`,
    zh: `已停止：连续 ${depth} 个自动化相互触发`,
  }),
  nobodyToNotify: { en: 'nobody to notify', zh: '没有可通知的人' },
  noRecipients: { en: 'no recipients', zh: '没有收件人' },
  emptyPool: { en: 'Nobody to assign: the pool has no active people', zh: '无人可指派：人员池中没有在职成员' },
  nobodyToAssign: { en: 'Nobody to assign', zh: '无人可指派' },
  linkGone: (fieldId: string): RunText => ({ en: `Link field ${fieldId} no longer exists`, zh: `关联字段 ${fieldId} 已不存在` }),
  recordCreated: { en: 'Record created', zh: '新增记录' },
  recordMatches: { en: 'Record matches the conditions', zh: '记录满足条件' },
  dateReached: (field: string, offsetMinutes: number): RunText => {
    const sign = offsetMinutes > 0 ? '+' : '';
    return offsetMinutes ? { en: `${field} ${sign}${offsetMinutes} min ⏰`, zh: `${field} ${sign}${offsetMinutes} 分钟 ⏰` } : asIs(`${field} ⏰`);
  },
} satisfies Record<string, RunText | ((...args: never[]) => RunText)>;

const ACTION_NAMES: Record<AutomationAction['kind'], RunText> = {
  assign: { en: 'Assign', zh: '指派' },
  update_fields: { en: 'Update fields', zh: '更新字段' },
  create_linked_record: { en: 'Create linked record', zh: '新建关联记录' },
  notify: { en: 'Notify', zh: '通知' },
  email: { en: 'Send email', zh: '发送邮件' },
  webhook: { en: 'Webhook', zh: 'Webhook' },
};

/** "2. Send email: …": which step failed and why. */
export const stepFailed = (n: number, kind: AutomationAction['kind'], why: RunText): RunText => ({
  en: `${n}. ${ACTION_NAMES[kind].en}: ${why.en}`,
  zh: `${n}. ${ACTION_NAMES[kind].zh}：${why.zh}`,
});

/** A failure the run log shows: an AppError in both languages, anything else as it was raised. */
export function failureText(err: unknown): RunText {
  const text = err instanceof AppError ? err.text : asIs(err instanceof Error ? err.message : String(err));
  return { en: text.en.slice(0, 1000), zh: text.zh.slice(0, 1000) };
}

/** A failure raised by an action, with its run-log text in both languages. */
export const runFailure = (text: RunText) => new AppError('invariant', 'base.automation.run_failed', text);

/** The run-log text for `locale`; runs logged before texts were stored keep their one language. */
export function runTextIn(text: RunText | null | undefined, legacy: RunText | undefined, plain: string, locale: Locale): string {
  const both = text ?? legacy;
  return both ? localize(both, locale) : plain;
}
