import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a person's name: full pinyin without tones and the initials, lower-case, no spaces.
 * Latin names pass through, so "Alice Wang" gives "alicewang" / "aw".
 * @example nameKeys('张伟') // { pinyin: 'zhangwei', initials: 'zw' }
 */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  // surname: 'head' reads the first character as a surname (曾 zeng, 单 shan, 解 xie), as people say them.
  const syllables = pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true, surname: 'head' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
