/**
 * Word lists for company names. A Chinese registered name is 行政区划 + 字号 + 行业 + 组织形式
 * (北京 + 百度网讯 + 科技 + 有限公司): the place and the legal form are routinely left out or reordered in spreadsheets,
 * the industry words often, the trade name (字号) never.
 */

const words = (list: string): string[] => list.trim().split(/\s+/);
const longestFirst = (list: string[]): string[] => list.sort((a, b) => b.length - a.length);

/** Legal forms, stripped from the end of a name; longest first so 股份有限公司 goes before 有限公司. */
export const ORG_FORMS_ZH = longestFirst(
  words(`集团股份有限公司 集团有限责任公司 股份有限公司 有限责任公司 集团有限公司 个人独资企业 合伙企业 有限合伙 普通合伙
         有限公司 股份公司 集团公司 总公司 公司 集团 控股 股份`),
);

/** Latin legal-form tokens (after lower-casing), stripped from the end: "Co., Ltd.", "Inc.", "Holdings Limited", "China". */
export const ORG_FORMS_LATIN = new Set(
  words(`co company ltd limited inc incorporated corp corporation group holdings holding llc llp lp plc gmbh pte pty ag sa bv nv
         china`),
);

/** Bracketed text that says nothing about which customer it is: （中国）, (China), （集团）, （有限合伙）. */
export const NOISE_IN_BRACKETS = new Set(words('中国 china prc 集团 控股 有限合伙 普通合伙 特殊普通合伙 股份'));

/** Branch suffixes: a 分公司 is a different customer from its head office (own contract, own address, own contacts). */
export const BRANCH_SUFFIXES_ZH = words('分公司 分行 支行 分店 办事处 分部 营业部 代表处 分厂 分所 分院 分中心 分校');
export const BRANCH_SUFFIXES_LATIN = ['representative office', 'rep office', 'branch office', 'branch'];

/**
 * Industry words (行业), stripped from the end one at a time to find the trade name: "小马智行科技" and "小马智行" are the
 * same company written with and without 科技. Atoms, so 信息技术 comes off as 技术 then 信息 and compares with 信息科技;
 * compounds only where a part is not a word on its own (新能源, 大数据). Longest first.
 */
export const INDUSTRY_ZH = longestFirst(
  words(`人工智能 医疗器械 资产管理 企业管理 电子商务 新能源 新材料 进出口 集成电路 云计算 大数据 互联网 计算机 半导体 自动化 房地产
         科技 技术 信息 网络 软件 电子 数码 数字 智能 通信 通讯 电器 电气 机械 设备 材料 化工 能源 环保 环境 生物 医药 医疗
         健康 食品 饮料 服饰 服装 纺织 贸易 商贸 实业 投资 管理 咨询 服务 传媒 文化 传播 广告 营销 设计 建设 建筑 工程 装饰
         地产 置业 物业 物流 供应链 运输 汽车 教育 培训 餐饮 酒店 旅游 发展 国际 工业 制造 制药 数据 在线 光电 航空 银行
         保险 证券 基金 金融 农业 开发 系统 仪器 照明 家居 家具 印刷 包装 电力 创新`),
);

export const INDUSTRY_LATIN = new Set(
  words(`technology technologies tech software network networks information info trading trade international intl industries
         industrial industry services service solutions systems system consulting electronics electronic digital science
         sciences biotech pharmaceutical pharmaceuticals logistics investment investments development enterprises enterprise
         management engineering manufacturing media communications telecom intelligent intelligence`),
);

/**
 * Industry words that say little about what the company does: leaving them out is shorthand (小马智行 for 小马智行科技).
 * Leaving out any other (美的 for 美的置业, 招商 for 招商证券) more often names another business of the same group.
 */
export const GENERIC_INDUSTRY = new Set(
  words(`科技 技术 信息 网络 软件 系统 计算机 电子 数码 数字 智能 创新 实业 发展 国际 贸易 商贸 进出口 投资 管理 企业管理 咨询 服务
         互联网 在线 电子商务 工程 传播 传媒 technology technologies tech information info network networks international intl trading trade
         services service solutions systems system development enterprises enterprise industries industrial industry`),
);

/** Industry words people use for one another in the same company's name (信息技术 / 信息科技). */
export const INDUSTRY_SYNONYMS: Readonly<Record<string, string>> = {
  技术: '科技',
  通讯: '通信',
  商贸: '贸易',
  technologies: 'technology',
  tech: 'technology',
  networks: 'network',
  services: 'service',
  systems: 'system',
  trade: 'trading',
};
