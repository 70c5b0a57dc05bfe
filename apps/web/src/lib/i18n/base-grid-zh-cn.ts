import type { baseGridEn } from './base-grid-en.ts';

/** 多维表格表格视图分组与附件单元格的简体中文文案（展开到 zh-cn.ts）；键与 base-grid-en.ts 一一对应。 */
export const baseGridZhCN: Record<keyof typeof baseGridEn, string> = {
  'base.toolbar.group': '分组',
  'base.toolbar.groupCount': '分组 · {n}',
  'base.group.title': '按以下字段分组',
  'base.group.add': '添加分组',
  'base.group.empty': '未分组：所有记录显示在同一列表中。',
  'base.group.expand': '展开分组',
  'base.group.collapse': '收起分组',
  'base.group.emptyValue': '（空）',
  'base.group.count': '{n} 条记录',
  'base.group.tooMany': '分组超过 {n} 个，记录暂不分组显示。',
  'base.attachment.upload': '上传文件',
  'base.attachment.drop': '将文件拖到此处上传',
  'base.attachment.uploading': '正在上传…',
  'base.attachment.remove': '删除 {name}',
  'base.attachment.download': '下载 {name}',
  'base.attachment.failed': '上传失败：{message}',
};
