/** Word lists for the CRM demo: cities with their administrative division codes, company name parts, people, activities. */

/** A city and one of its districts' 6-digit division code (positions 3–8 of a credit code). */
export const CITIES: readonly { name: string; division: string; weight: number }[] = [
  { name: '上海', division: '310115', weight: 14 },
  { name: '北京', division: '110105', weight: 13 },
  { name: '深圳', division: '440305', weight: 10 },
  { name: '广州', division: '440106', weight: 8 },
  { name: '杭州', division: '330106', weight: 8 },
  { name: '南京', division: '320105', weight: 5 },
  { name: '苏州', division: '320505', weight: 5 },
  { name: '成都', division: '510107', weight: 5 },
  { name: '武汉', division: '420106', weight: 4 },
  { name: '西安', division: '610113', weight: 3 },
  { name: '重庆', division: '500103', weight: 3 },
  { name: '天津', division: '120116', weight: 3 },
  { name: '青岛', division: '370212', weight: 2 },
  { name: '厦门', division: '350203', weight: 2 },
  { name: '长沙', division: '430104', weight: 2 },
  { name: '合肥', division: '340104', weight: 2 },
  { name: '郑州', division: '410105', weight: 2 },
  { name: '宁波', division: '330212', weight: 2 },
  { name: '无锡', division: '320214', weight: 2 },
  { name: '东莞', division: '441900', weight: 1 },
];

// prettier-ignore
export const BRAND_FIRST = [
  '云', '星', '华', '创', '鼎', '汇', '博', '恒', '瑞', '联', '新', '智', '卓', '天', '宏', '嘉', '锦', '盛', '优', '德',
  '安', '信', '海', '泰', '远', '达', '晨', '金', '启', '广', '美', '和', '光', '明', '飞', '腾', '凯', '景', '润', '伟',
];
// prettier-ignore
export const BRAND_SECOND = [
  '帆', '图', '辰', '川', '途', '禾', '越', '邦', '驰', '迈', '航', '源', '峰', '锐', '湃', '宇', '澜', '睿', '诚', '拓',
  '捷', '泽', '翔', '朗', '硕', '骏', '昂', '弘', '岳', '麟',
];
// prettier-ignore
export const BRAND_THIRD = ['通', '科', '尚', '威', '诺', '特', '维', '思', '灵', '元'];

/** Industry words that go between the trade name and 有限公司, by the template's industry order. */
export const INDUSTRY_WORDS: readonly (readonly string[])[] = [
  ['信息科技', '网络科技', '数字科技'],
  ['金融服务', '投资管理', '融资租赁'],
  ['精密制造', '机械', '电子'],
  ['商贸', '零售连锁', '电子商务'],
  ['物流', '供应链管理', '速运'],
  ['医疗科技', '生物医药', '健康管理'],
  ['教育科技', '培训', '文化传播'],
  ['汽车零部件', '汽车销售服务', '新能源汽车'],
  ['能源', '新能源', '电力工程'],
  ['咨询', '会计师事务所', '人力资源服务'],
  ['酒店管理', '国际旅行社', '会展服务'],
];

/** Relative weight of each industry, in template order. */
export const INDUSTRY_WEIGHTS = [22, 10, 14, 9, 10, 8, 5, 7, 4, 8, 3];

/** Confusable characters a typist swaps (same pinyin or shape), for near-duplicates. */
// prettier-ignore
export const TYPO_SWAPS: Readonly<Record<string, string>> = {
  云: '芸', 星: '兴', 华: '化', 创: '闯', 鼎: '顶', 汇: '会', 博: '搏', 恒: '横', 瑞: '睿', 联: '连', 新: '欣', 智: '志',
  卓: '桌', 天: '添', 宏: '鸿', 嘉: '佳', 锦: '金', 盛: '胜', 优: '悠', 德: '得', 安: '按', 信: '新', 海: '嗨', 泰: '太',
  远: '源', 达: '答', 晨: '辰', 金: '今', 启: '起', 广: '光', 美: '每', 和: '合', 光: '广', 明: '名', 飞: '菲', 腾: '藤',
  凯: '恺', 景: '京', 润: '闰', 伟: '纬',
};

// prettier-ignore
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜',
];
// prettier-ignore
export const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '凯',
  '浩然', '子涵', '欣怡', '思远', '嘉怡', '一鸣', '晓东', '文博', '佳琪', '俊杰', '志强', '海燕', '建华', '梦瑶', '雅婷', '振宇',
];

export const CONTACT_TITLES = ['行政经理', '行政总监', '人力资源总监', '采购经理', '财务经理', '差旅主管', '总经理助理', 'HRBP', '运营总监'];

export const MOBILE_PREFIXES = ['138', '139', '136', '137', '135', '150', '151', '158', '186', '187', '188', '177', '199'];

/** Subjects and notes per activity type, in the template's type order (call, visit, email, note). */
export const ACTIVITY_TEXTS: readonly (readonly { subject: string; notes: string }[])[] = [
  [
    { subject: '电话沟通员工用车需求', notes: '了解公司规模、日均用车次数和主要出行场景。' },
    { subject: '电话回访试用情况', notes: '试用账号已开通，对方反馈派单速度满意。' },
    { subject: '电话确认预算', notes: '对方表示年度差旅预算下月审批。' },
  ],
  [
    { subject: '上门拜访，演示企业用车平台', notes: '演示审批流、用车规则和月结对账，行政和财务均参加。' },
    { subject: '拜访采购部门', notes: '采购要求提供三家比价材料和资质文件。' },
    { subject: '高层拜访', notes: '与对方副总裁交流园区通勤和夜间加班用车方案。' },
  ],
  [
    { subject: '发送方案与报价', notes: '按月结 + 里程阶梯价报价，附服务等级协议。' },
    { subject: '发送合同草案', notes: '法务审阅中，付款条款待确认。' },
    { subject: '发送产品介绍', notes: '附企业用车案例和安全白皮书。' },
  ],
  [
    { subject: '内部备注：竞品情况', notes: '对方目前使用其他平台，合同年底到期。' },
    { subject: '内部备注：决策链', notes: '行政总监推荐，财务总监审批，总经理签字。' },
    { subject: '内部备注：推进计划', notes: '下周安排试乘体验，争取本季度签约。' },
  ],
];
