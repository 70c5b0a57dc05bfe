import { describe, expect, it } from 'vitest';
import { compactText, foldText, toSimplified } from './normalize-text.ts';

describe('toSimplified', () => {
  it('turns Taiwan and Hong Kong characters into simplified ones', () => {
    expect(toSimplified('騰訊科技（深圳）有限公司')).toBe('腾讯科技（深圳）有限公司');
    expect(toSimplified('臺灣積體電路製造')).toBe('台湾积体电路制造');
    expect(toSimplified('衞生 綫上')).toBe('卫生 线上'); // Hong Kong variants
  });
  it('keeps 著 in names (the tw variant table would make it 着)', () => {
    expect(toSimplified('著名')).toBe('著名');
  });
  it('leaves simplified text and Latin letters alone', () => {
    expect(toSimplified('小马智行 Pony.ai')).toBe('小马智行 Pony.ai');
  });
});

describe('foldText / compactText', () => {
  it('folds width, case and script', () => {
    expect(foldText('ＴＣＬ科技　集團')).toBe('tcl科技 集团');
  });
  it('compactText drops spaces and punctuation but keeps letters of any script and digits', () => {
    expect(compactText(' Pony.ai（小馬）- 360 ')).toBe('ponyai小马360');
    expect(compactText('—、。')).toBe('');
  });
});
