// The short forms policy texts use for names they print in full elsewhere, as pairs of one short
// form and the full forms it stands for. A query for either also searches the other (query.ts),
// and the results say so ("也搜索了 跨境电子商务"). Folded (Simplified, half-width) forms only.
//
// Where the entries come from: the short forms the bundled texts and the bench corpus define
// (以下简称…) or use beside the full name — 跨境电商 in the Zhuhai and Dongguan plans' news, 自贸区
// beside 自由贸易试验区 in 粤府函〔2019〕36号, 港澳 and 粤港澳大湾区 throughout the Outline — and the
// names of the Greater Bay Area's zones and bodies as the province's documents abbreviate them.
// Keep it small and certain: an entry is added when a text is found that writes one form and a
// reader searched for the other; a pair that is not the same thing (金融办 / 地方金融监管局) stays out.

export const ABBREVIATIONS: readonly (readonly [short: string, full: readonly string[]])[] = [
  ['跨境电商', ['跨境电子商务']],
  ['自贸区', ['自由贸易试验区', '自贸试验区']],
  ['自贸试验区', ['自由贸易试验区']],
  ['自贸港', ['自由贸易港']],
  ['大湾区', ['粤港澳大湾区']],
  ['港澳', ['香港、澳门', '香港和澳门', '香港澳门']],
  ['粤港澳', ['广东、香港、澳门']],
  ['深港', ['深圳、香港', '深圳和香港']],
  ['粤港', ['广东、香港', '广东和香港']],
  ['粤澳', ['广东、澳门', '广东和澳门']],
  ['前海合作区', ['前海深港现代服务业合作区']],
  ['横琴合作区', ['横琴粤澳深度合作区']],
  ['服贸', ['服务贸易']],
  ['科创', ['科技创新']],
  ['双创', ['大众创业、万众创新', '大众创业万众创新']],
  ['发改委', ['发展改革委', '发展和改革委员会']],
  ['人社局', ['人力资源社会保障局', '人力资源和社会保障局']],
  ['人社厅', ['人力资源社会保障厅', '人力资源和社会保障厅']],
  ['人行', ['人民银行']],
  ['央行', ['中国人民银行']],
  ['一带一路', ['丝绸之路经济带和21世纪海上丝绸之路']],
];

/** short → its full forms, and each full form → its short one (and the other full forms). */
const TABLE = ((): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const list = out.get(from) ?? [];
    if (from !== to && !list.includes(to)) list.push(to);
    out.set(from, list);
  };
  for (const [short, fulls] of ABBREVIATIONS) {
    for (const full of fulls) {
      add(short, full);
      add(full, short);
      for (const other of fulls) add(full, other);
    }
  }
  return out;
})();

/**
 * The other forms of a whole (folded) term. A form that contains the term itself is left out: it
 * finds nothing the term does not (大湾区 already finds every 粤港澳大湾区).
 */
export function alternativesOf(folded: string): string[] {
  return (TABLE.get(folded) ?? []).filter((alt) => !alt.includes(folded));
}
