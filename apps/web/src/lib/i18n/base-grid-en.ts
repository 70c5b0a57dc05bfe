/** English strings of the Base grid's grouping and attachment cells (spread into en.ts). */
export const baseGridEn = {
  'base.toolbar.group': 'Group',
  'base.toolbar.groupCount': 'Group · {n}',
  'base.group.title': 'Group records by',
  'base.group.add': 'Add grouping',
  'base.group.empty': 'No grouping: records show in one list.',
  'base.group.expand': 'Expand group',
  'base.group.collapse': 'Collapse group',
  'base.group.emptyValue': '(Empty)',
  'base.group.count': '{n} records',
  'base.group.tooMany': 'More than {n} groups: records are shown without grouping.',
  'base.attachment.upload': 'Upload file',
  'base.attachment.drop': 'Drop files here to upload',
  'base.attachment.uploading': 'Uploading…',
  'base.attachment.remove': 'Remove {name}',
  'base.attachment.download': 'Download {name}',
  'base.attachment.failed': 'Upload failed: {message}',
} as const;
