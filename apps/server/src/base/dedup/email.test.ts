import { describe, expect, it } from 'vitest';
import { compareEmails, emailKey, emailsIn } from './email.ts';

describe('email', () => {
  it('ignores case, spaces, mailto:, display names and full width', () => {
    expect(emailKey(' BD@Alibaba-Inc.com ').key).toBe('bd@alibaba-inc.com');
    expect(emailKey('mailto:Sales@Example.cn').key).toBe('sales@example.cn');
    expect(emailKey('张经理 <Zhang@TFyun.cn>').key).toBe('zhang@tfyun.cn');
    expect(emailKey('ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｎ').key).toBe('sales@example.cn');
  });
  it('keeps Gmail-style dots and +tags: other providers treat them as different mailboxes', () => {
    expect(compareEmails('wang.lei@gmail.com', 'wanglei@gmail.com').similarity).toBe(0);
    expect(compareEmails('wanglei+crm@gmail.com', 'wanglei@gmail.com').similarity).toBe(0);
  });
  it('reads several addresses in a cell and matches on any', () => {
    expect(emailsIn('a@x.cn; B@x.cn，c@x.cn')).toEqual(['a@x.cn', 'b@x.cn', 'c@x.cn']);
    expect(compareEmails('a@x.cn, b@x.cn', 'B@X.CN')).toMatchObject({ similarity: 1, conflict: false });
  });
  it('warns about text that is not an address', () => {
    expect(emailKey('none')).toMatchObject({ key: null, warnings: [{ en: '"none" is not an email address' }] });
    expect(emailKey('')).toEqual({ key: null, warnings: [] });
  });
});
