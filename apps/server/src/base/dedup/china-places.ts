import { pinyin } from 'pinyin-pro';

/** A province-level region, or a city inside one. Municipalities (北京, 上海 …) are both. */
export interface Place {
  readonly name: string;
  readonly province: string;
  readonly city: string | null;
}

// Province short name, its official suffix, then its main cities (prefecture level plus a few county-level cities
// that are common in company names, such as 昆山 and 义乌).
const REGIONS: readonly (readonly [string, string, string])[] = [
  ['北京', '市', ''],
  ['天津', '市', ''],
  ['上海', '市', ''],
  ['重庆', '市', ''],
  ['河北', '省', '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水'],
  ['山西', '省', '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁'],
  ['内蒙古', '自治区', '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布'],
  ['辽宁', '省', '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛'],
  ['吉林', '省', '长春 吉林 四平 辽源 通化 白山 松原 白城 延边'],
  ['黑龙江', '省', '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化'],
  ['江苏', '省', '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴 张家港 常熟 太仓 宜兴'],
  ['浙江', '省', '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌'],
  ['安徽', '省', '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城'],
  ['福建', '省', '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 晋江'],
  ['江西', '省', '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶'],
  ['山东', '省', '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽'],
  ['河南', '省', '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店'],
  ['湖北', '省', '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施'],
  ['湖南', '省', '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底'],
  ['广东', '省', '广州 深圳 珠海 汕头 佛山 韶关 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮'],
  ['广西', '壮族自治区', '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左'],
  ['海南', '省', '海口 三亚 三沙 儋州'],
  ['四川', '省', '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳'],
  ['贵州', '省', '贵阳 六盘水 遵义 安顺 毕节 铜仁'],
  ['云南', '省', '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 大理'],
  ['西藏', '自治区', '拉萨 日喀则 昌都 林芝 山南 那曲'],
  ['陕西', '省', '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛'],
  ['甘肃', '省', '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南'],
  ['青海', '省', '西宁 海东'],
  ['宁夏', '回族自治区', '银川 石嘴山 吴忠 固原 中卫'],
  ['新疆', '维吾尔自治区', '乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊犁 昌吉'],
  ['台湾', '省', '台北 新北 桃园 台中 台南 高雄 新竹 基隆'],
  ['香港', '特别行政区', ''],
  ['澳门', '特别行政区', ''],
];

/**
 * City names that are also everyday words or brands (朝阳科技, 中山大学, 大理石, 普洱茶, 黄山旅游): a bare prefix is part of the
 * name; only the 市 form (中山市…) or a bracketed city（中山）counts as a place.
 */
const WORDLIKE = new Set(['朝阳', '中山', '白银', '长治', '三明', '大理', '普洱', '黄山', '吉安', '安康', '常德', '新余', '德州', '海东']);

/** Romanisations that are not the plain toneless pinyin. */
const LATIN_EXTRA: Readonly<Record<string, readonly string[]>> = {
  香港: ['hongkong', 'hk'],
  澳门: ['macau', 'macao'],
  陕西: ['shaanxi'],
  内蒙古: ['innermongolia'],
  台北: ['taipei'],
  高雄: ['kaohsiung'],
  西藏: ['tibet'],
};

const byForm = new Map<string, Place>();
const latin = new Map<string, Place>();

function add(place: Place, bare: string, suffix: string): void {
  if (!WORDLIKE.has(bare)) byForm.set(bare, place);
  byForm.set(bare + suffix, place);
  const romanised = pinyin(bare, { toneType: 'none', type: 'array' }).join('');
  for (const l of [romanised, ...(LATIN_EXTRA[bare] ?? [])]) latin.set(l, place);
}

for (const [province, suffix, cities] of REGIONS) {
  const municipality = suffix === '市' || suffix === '特别行政区';
  add({ name: province, province, city: municipality ? province : null }, province, suffix);
  if (suffix === '特别行政区') byForm.set(`${province}特区`, { name: province, province, city: province });
  for (const city of cities.split(' ').filter(Boolean)) add({ name: city, province, city }, city, '市');
}

// Longest first, grouped by first (last) character, so a prefix (suffix) lookup tries few forms: 广东省 before 广东 before 广州.
const formsByFirstChar = new Map<string, string[]>();
const formsByLastChar = new Map<string, string[]>();
for (const form of [...byForm.keys()].sort((a, b) => b.length - a.length)) {
  for (const [index, ch] of [
    [formsByFirstChar, form[0]!],
    [formsByLastChar, form[form.length - 1]!],
  ] as const) {
    const list = index.get(ch) ?? [];
    list.push(form);
    index.set(ch, list);
  }
}

/** The place a whole text names: "广州", "广州市", "广东省", "Guangzhou", "Hong Kong"; null otherwise. */
export function placeNamed(text: string): Place | null {
  const t = text.trim();
  return byForm.get(t) ?? latin.get(t.toLowerCase().replace(/[^a-z]/g, '')) ?? null;
}

/** The place form a text starts with, longest match ("广东省深圳市…" → 广东省), or null. */
export function placePrefix(text: string): { place: Place; length: number } | null {
  for (const form of formsByFirstChar.get(text[0] ?? '') ?? []) {
    if (text.startsWith(form)) return { place: byForm.get(form)!, length: form.length };
  }
  return null;
}

/** The place form a text ends with, longest match ("招商银行深圳" → 深圳), or null. */
export function placeSuffix(text: string): { place: Place; length: number } | null {
  for (const form of formsByLastChar.get(text[text.length - 1] ?? '') ?? []) {
    if (text.endsWith(form)) return { place: byForm.get(form)!, length: form.length };
  }
  return null;
}

/**
 * True when two sets of places cannot be the same location: different cities, or different provinces.
 * A province and a city inside it are compatible (广东 / 深圳); an empty side is compatible with anything.
 */
export function placesConflict(a: readonly Place[], b: readonly Place[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const citiesA = new Set(a.flatMap((p) => (p.city ? [p.city] : [])));
  const citiesB = b.flatMap((p) => (p.city ? [p.city] : []));
  if (citiesA.size > 0 && citiesB.length > 0 && !citiesB.some((c) => citiesA.has(c))) return true;
  const provincesA = new Set(a.map((p) => p.province));
  return !b.some((p) => provincesA.has(p.province));
}
