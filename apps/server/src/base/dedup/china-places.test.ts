import { describe, expect, it } from 'vitest';
import { placeNamed, placePrefix, placesConflict, placeSuffix } from './china-places.ts';

const p = (name: string) => placeNamed(name)!;

describe('places', () => {
  it('names provinces, cities and municipalities with or without their suffix, and in pinyin', () => {
    expect(placeNamed('广州')).toEqual({ name: '广州', province: '广东', city: '广州' });
    expect(placeNamed('广州市')).toEqual(placeNamed('广州'));
    expect(placeNamed('广东省')).toEqual({ name: '广东', province: '广东', city: null });
    expect(placeNamed('北京市')).toEqual({ name: '北京', province: '北京', city: '北京' });
    expect(placeNamed('广西壮族自治区')?.province).toBe('广西');
    expect(placeNamed('Shenzhen')?.name).toBe('深圳');
    expect(placeNamed('Hong Kong')?.name).toBe('香港');
    expect(placeNamed('小马')).toBeNull();
  });
  it('finds the longest place prefix and suffix', () => {
    expect(placePrefix('广东省深圳市大疆')).toMatchObject({ place: { name: '广东' }, length: 3 });
    expect(placePrefix('深圳市大疆')).toMatchObject({ place: { name: '深圳' }, length: 3 });
    expect(placeSuffix('招商银行深圳')).toMatchObject({ place: { name: '深圳' }, length: 2 });
    expect(placePrefix('大疆')).toBeNull();
  });
  it('needs 市 for a city name that is also a common word', () => {
    expect(placePrefix('中山大学')).toBeNull();
    expect(placePrefix('中山市小榄')?.place.name).toBe('中山');
    expect(placePrefix('朝阳科技')).toBeNull();
  });
  it('conflicts on different cities or provinces, not on a city inside its province or a missing side', () => {
    expect(placesConflict([p('广州')], [p('深圳')])).toBe(true);
    expect(placesConflict([p('广东')], [p('北京')])).toBe(true);
    expect(placesConflict([p('广东')], [p('深圳')])).toBe(false);
    expect(placesConflict([p('广东'), p('深圳')], [p('深圳')])).toBe(false);
    expect(placesConflict([], [p('深圳')])).toBe(false);
  });
});
