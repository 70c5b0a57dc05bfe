/** The demo company 极行出行 (Jixing Mobility), a robotaxi operator: its departments and how names are generated. */

export interface DemoDepartment {
  key: string;
  name: string;
  parent: string | null;
  /** People in the department, the head included. */
  size: number;
  headTitle: string;
  titles: readonly string[];
}

export const DEMO_DOMAIN = 'jixing.example';
/** One shared password for every demo account, so people can sign in as anyone while exploring. */
export const DEMO_PASSWORD = 'concord-demo';

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { key: 'ceo', name: '总裁办', parent: null, size: 4, headTitle: '总裁', titles: ['总裁助理', '战略分析师', '行政主管'] },
  { key: 'tech', name: '技术中心', parent: null, size: 2, headTitle: '首席技术官', titles: ['技术中心助理'] },
  { key: 'ad', name: '自动驾驶部', parent: 'tech', size: 4, headTitle: '自动驾驶部总监', titles: ['系统架构师', '技术项目经理', '功能安全工程师'] },
  {
    key: 'perception',
    name: '感知组',
    parent: 'ad',
    size: 22,
    headTitle: '感知组负责人',
    titles: ['感知算法工程师', '高级感知算法工程师', '多传感器融合工程师', '激光雷达标定工程师', '数据标注主管'],
  },
  {
    key: 'pnc',
    name: '规划控制组',
    parent: 'ad',
    size: 20,
    headTitle: '规划控制组负责人',
    titles: ['规划算法工程师', '控制算法工程师', '高级规划控制工程师', '仿真测试工程师'],
  },
  {
    key: 'platform',
    name: '平台研发部',
    parent: 'tech',
    size: 18,
    headTitle: '平台研发部总监',
    titles: ['后端工程师', '前端工程师', '高级后端工程师', '测试工程师', '运维工程师', '数据工程师', '产品经理'],
  },
  { key: 'ops', name: '运营中心', parent: null, size: 3, headTitle: '首席运营官', titles: ['运营分析师', '运营中心助理'] },
  {
    key: 'east',
    name: '华东运营',
    parent: 'ops',
    size: 18,
    headTitle: '华东运营总经理',
    titles: ['城市运营经理', '车队调度专员', '安全员', '客服专员', '车辆运维工程师'],
  },
  {
    key: 'south',
    name: '华南运营',
    parent: 'ops',
    size: 15,
    headTitle: '华南运营总经理',
    titles: ['城市运营经理', '车队调度专员', '安全员', '客服专员', '车辆运维工程师'],
  },
  { key: 'sales', name: '销售中心', parent: null, size: 2, headTitle: '销售副总裁', titles: ['销售运营专员'] },
  {
    key: 'key-accounts',
    name: '大客户部',
    parent: 'sales',
    size: 10,
    headTitle: '大客户部总监',
    titles: ['大客户经理', '高级大客户经理', '售前解决方案工程师'],
  },
  { key: 'channels', name: '渠道销售部', parent: 'sales', size: 10, headTitle: '渠道销售部总监', titles: ['渠道经理', '渠道拓展专员', '商务助理'] },
  { key: 'hr', name: '人力资源部', parent: null, size: 7, headTitle: '人力资源总监', titles: ['HRBP', '招聘专员', '薪酬福利专员', '培训专员'] },
  { key: 'finance', name: '财务部', parent: null, size: 6, headTitle: '财务总监', titles: ['会计', '出纳', '财务分析师'] },
  { key: 'marketing', name: '市场部', parent: null, size: 9, headTitle: '市场总监', titles: ['品牌经理', '新媒体运营', '市场活动经理', '设计师', '公关经理'] },
];

// Surnames whose pinyin is unambiguous (no 曾/单/解…), so emails read the way people say the names.
// prettier-ignore
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜',
  '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '廖', '贾',
  '夏', '韦', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙', '陶', '贺', '顾', '毛',
  '郝', '龚', '邵', '钱', '严', '武', '戴', '莫', '孔', '汤', '欧阳',
];
// prettier-ignore
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '凯',
  '琳', '宁', '斌', '颖', '婷', '晨', '悦', '帆', '楠', '浩然', '子涵', '欣怡', '梓轩', '雨桐', '思远', '嘉怡', '一鸣', '晓东',
  '文博', '佳琪', '俊杰', '宇航', '志强', '海燕', '建华', '晨曦', '梦瑶', '子豪', '诗涵', '浩宇', '雅婷', '昊天', '若曦', '振宇',
  '晓婷', '立新', '国栋', '慧敏', '春燕', '鹏飞', '博文', '天宇', '可欣', '静怡', '明轩', '思琪', '嘉欣', '子轩', '雨萱', '家豪',
  '文静', '晓峰', '志远', '雪梅', '亦凡', '书瑶', '泽宇', '清扬', '佳怡', '雨辰',
];
const MOBILE_PREFIXES = ['138', '139', '136', '137', '135', '150', '151', '158', '186', '187', '188', '177', '199'];

/** mulberry32: a tiny seeded generator, so every seeding produces the same company. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** `count` distinct Chinese names. */
export function demoNames(rnd: () => number, count: number): string[] {
  const names = new Set<string>();
  // The ten commonest surnames cover about 40% of people in China; draw them about that often.
  while (names.size < count) names.add(pick(rnd, rnd() < 0.4 ? SURNAMES.slice(0, 10) : SURNAMES) + pick(rnd, GIVEN));
  return [...names];
}

/** A mainland mobile in E.164, e.g. +8613812345678. */
export function demoMobile(rnd: () => number): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += Math.floor(rnd() * 10);
  return `+86${pick(rnd, MOBILE_PREFIXES)}${rest}`;
}
