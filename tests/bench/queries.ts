// The query mix of the search bench (issue 12): what readers of policy texts and laws type, by
// kind, so that the table shows which kind is slow. The everyday words of laws (法, 应当, 人民政府)
// match a third of the bench corpus's clauses: they are the hard case, not the rare one.

export type QueryKind =
  | '1 character'
  | '2 characters'
  | 'common word'
  | '4 characters'
  | '8+ characters'
  | 'rare word'
  | 'AND of terms'
  | 'Traditional'
  | 'quoted phrase'
  | 'Latin, digits'
  | 'filtered';

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  /** Ask for the number of all matches too, as the CLI's text mode does. */
  count?: boolean;
}

const of = (kind: QueryKind, qs: string[], count = false): BenchQuery[] => qs.map((q) => ({ kind, q, ...(count ? { count } : {}) }));

export const QUERIES: readonly BenchQuery[] = [
  ...of('1 character', ['法', '穗', '港', '罚']),
  ...of('2 characters', ['海关', '口岸', '仲裁', '罚款', '商标']),
  ...of('common word', ['应当', '人民政府', '规定', '有关部门', '国务院']),
  ...of('4 characters', ['绿色金融', '知识产权', '行政处罚', '法律责任', '监督管理', '营商环境']),
  ...of('8+ characters', ['建立出口信用保险制度', '县级以上地方人民政府', '粤港澳大湾区发展规划纲要', '中华人民共和国人民法院组织法', '对直接负责的主管人员和其他直接责任人员']),
  ...of('rare word', ['跨境理财通', '横琴', '隐私计算', '单一窗口']),
  ...of('AND of terms', ['绿色 香港', '法律 责任 罚款', '数据 安全', '政府 信息 公开', '应当 罚款']),
  ...of('Traditional', ['綠色金融', '粵港澳大灣區', '香港特別行政區', '應當']),
  ...of('quoted phrase', ['"国际 金融"', '"人民法院"']),
  ...of('Latin, digits', ['CEPA', '2019年', '第一百条', 'WTO']),
  ...of('filtered', ['应当 level:city', '应当 jurisdiction:上海', '人民政府 year:2019-2021', '法 level:province', '单一窗口 jurisdiction:珠海', '罚款 kind:news']),
  ...of('filtered', ['应当 jurisdiction:上海', '人民政府 level:city'], true),
];
