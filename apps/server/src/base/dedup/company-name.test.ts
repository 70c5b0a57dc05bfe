import { describe, expect, it } from 'vitest';
import { parseCompanyName } from './company-name.ts';

const core = (name: string) => parseCompanyName(name)?.core ?? null;
const places = (name: string) => parseCompanyName(name)?.places.map((p) => p.name) ?? [];

describe('parseCompanyName', () => {
  it('strips legal forms, however many', () => {
    for (const name of ['阿里巴巴集团控股有限公司', '阿里巴巴集团', '阿里巴巴有限责任公司', '阿里巴巴股份有限公司', '阿里巴巴']) {
      expect(core(name)).toBe('阿里巴巴');
    }
    expect(core('Alibaba Group Holding Limited')).toBe('alibaba');
    expect(core('Pony.ai Inc.')).toBe('ponyai');
    expect(core('Tencent Holdings Co., Ltd.')).toBe('tencent');
  });
  it('strips place prefixes and bracketed places, and remembers them', () => {
    expect(parseCompanyName('广东省深圳市大疆创新科技有限公司')).toMatchObject({ core: '大疆创新科技' });
    expect(places('广东省深圳市大疆创新科技有限公司')).toEqual(['广东', '深圳']);
    expect(core('小马智行科技（广州）有限公司')).toBe('小马智行科技');
    expect(places('小马智行科技（广州）有限公司')).toEqual(['广州']);
    expect(places('【深圳】顺丰速运')).toEqual(['深圳']);
    expect(places('Tencent Technology (Shenzhen) Co., Ltd.')).toEqual(['深圳']);
    expect(places('Shanghai Bluewave Trading Co., Ltd.')).toEqual(['上海']);
    expect(places('美的集团武汉制冷设备有限公司')).toEqual(['武汉']);
  });
  it('keeps a place that is the whole name but for industry words (北京银行)', () => {
    expect(parseCompanyName('北京银行股份有限公司')).toMatchObject({ core: '北京银行', places: [] });
    expect(core('Hong Kong Telecom Ltd')).toBe('hongkongtelecom');
  });
  it('drops brackets that say nothing: （中国）, (China), （集团）', () => {
    expect(core('耐克体育（中国）有限公司')).toBe('耐克体育');
    expect(core('Microsoft (China) Co., Ltd.')).toBe('microsoft');
    expect(core('中国平安保险（集团）股份有限公司')).toBe('中国平安保险');
  });
  it('folds traditional characters, full width, case, spaces and punctuation', () => {
    expect(core('騰訊科技（深圳）有限公司')).toBe('腾讯科技');
    expect(core('ＴＣＬ 科技集团')).toBe('tcl科技');
    expect(core('D.J.I. Technology')).toBe('djitechnology');
  });
  it('splits the trade name from industry words', () => {
    expect(parseCompanyName('上海寻梦信息技术有限公司')).toMatchObject({ brand: '寻梦', industry: ['信息', '技术'] });
    expect(parseCompanyName('小马智行')).toMatchObject({ brand: '小马智行', industry: [] });
    expect(parseCompanyName('Tencent Technology')).toMatchObject({ brand: 'tencent', industry: ['technology'] });
    expect(parseCompanyName('银行')).toMatchObject({ brand: '银行' }); // never strips the name away
  });
  it('recognises branches and their names', () => {
    expect(parseCompanyName('北京字节跳动科技有限公司上海分公司')).toMatchObject({ core: '字节跳动科技', branch: '上海' });
    expect(parseCompanyName('招商银行深圳分行')).toMatchObject({ core: '招商银行', branch: '深圳' });
    expect(parseCompanyName('华润万家有限公司南山分店')).toMatchObject({ core: '华润万家', branch: '南山' });
    expect(parseCompanyName('ABC Trading Co., Ltd. Shanghai Branch')).toMatchObject({ core: 'abctrading', branch: '上海' });
    expect(parseCompanyName('北京字节跳动科技有限公司')?.branch).toBeNull();
  });
  it('gives null when nothing identifying is left', () => {
    for (const name of ['', '  ', '有限公司', '（广州）', 'Co., Ltd.', '—']) expect(parseCompanyName(name)).toBeNull();
  });
});
