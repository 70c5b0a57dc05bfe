import type { notifyEn } from './notify-en.ts';

/** 通知收件箱与通知设置的简体中文文案（展开到 zh-cn.ts）；键与 notify-en.ts 一一对应。 */
export const notifyZhCN: Record<keyof typeof notifyEn, string> = {
  'notify.bell': '通知',
  'notify.bellUnread': '通知，{n} 条未读',
  'notify.title': '通知',
  'notify.markAllRead': '全部已读',
  'notify.empty': '暂无通知',
  'notify.emptyHint': '有人 @你 或把记录分配给你时，会在这里提醒你。',
  'notify.settings': '通知设置',
  'notify.loadError': '通知加载失败。',
  'notify.unread': '未读',
  'notify.settings.title': '通知设置',
  'notify.settings.intro': '选择接收哪些通知，以及通过什么方式接收。',
  'notify.settings.kind': '通知类型',
  'notify.settings.inApp': '站内通知',
  'notify.settings.email': '邮件',
  'notify.settings.emailLater': '邮件发送功能即将上线，你的选择现在就会保存。',
  'notify.settings.saved': '已保存',
  'notify.kind.base.comment.mentioned': '有人在评论中 @我',
  'notify.kind.base.record.assigned': '有记录分配给我',
  'notify.kind.base.automation': '自动化流程发来的消息',
  'notify.openingRecord': '正在打开记录…',
};
