// Page furniture: the lines a government portal, a news site or a gazette prints around a text,
// which a download or a copy keeps. Each rule names what it removes. Rules read the folded line
// (Traditional as Simplified, full-width as half-width), so 跳過導航 and 跳过导航 are one rule.

import { fold } from '../../../shared/fold.ts';

export interface FurnitureRule {
  name: string;
  re: RegExp;
  /** The furniture is printed as a sentence (請使用Adobe Reader…閱讀PDF版本檔案。). */
  sentence?: boolean;
}

/** Buttons and links a portal sets in a row: 【打印】【关闭窗口】, 列印版本 文字版 寄给朋友. */
const BUTTON =
  '(?:打印(?:本页|此页|文章)?|列印(?:版本|本页)?|友善列印|关闭(?:窗口|本页|此页)?|返回顶部|回到顶部|回顶端|' +
  '回顶部|回上|回到上方|收藏(?:本页|本站)?|加入收藏|设为首页|首页|纠错|我要纠错|文字版|纯文字版|寄给朋友|电邮给朋友|打印版本|' +
  '全文版本(?:pdf)?|pdf版|下载|rss|text only|print(?: version)?|close)';
const SEPARATORS = '[\\s|｜/·•,，、]*';

/** The name of a gazette: 澳门特别行政区公报, 广东省人民政府公报, 国务院公报, 宪报. */
const GAZETTE = '(?:[^\\s。，；]{0,16}(?:特别行政区|人民政府|国务院|常务委员会|政府)(?:公报|宪报)|宪报)';
const DASH = '\\s*[—\\-–]*\\s*';
const ISSUE = `(?:第\\s*\\d+\\s*[期号卷]|\\d{4}\\s*年\\s*(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|第\\s*\\d+\\s*[期号]))`;
/**
 * A gazette's running header: its name (澳門政府公報, set out as 澳 門 政 府 公 報 too), its part
 * (第一组) and issue or date, or the issue alone (第 2 期, 第 1 期 —— 2025 年 1 月 6 日), or the
 * Portuguese and English names of the Macau and Hong Kong gazettes. A document titled …统计公报
 * is no gazette: the name must be an issuer's.
 */
const GAZETTE_HEADER = new RegExp(
  `^(?:${GAZETTE}(?:${DASH}第.{1,3}组)?(?:${DASH}${ISSUE})*|第\\s*\\d+\\s*期(?:${DASH}${ISSUE})*|` +
    '.{0,20}boletim oficial.{0,80}|.{0,30}government gazette.{0,40}|n\\.[º°o]\\s*\\d+\\s*[—\\-–].{0,80})$',
  'i',
);

export const FURNITURE: FurnitureRule[] = [
  { name: 'a link that is only an address', re: /^<?(https?:)?\/\/[^\s]+>?$|^<?www\.[^\s]+>?$/i },
  { name: '返回… navigation', re: /^(?:返回[^。，；]{0,30}?[｜|\s]*)+$/ },
  {
    name: 'links to other pages (相关新闻, 即日新闻, 更多, 上一篇)',
    re: /^(?:相关新闻|相关阅读|相关链接|相关文章|推荐阅读|热点新闻|即日新闻|更多|上一[篇页条].{0,60}|下一[篇页条].{0,60})$/,
  },
  { name: 'a source line (来源：…)', re: /^[(]?\s*(?:文章|文件|稿件|信息|资料|新闻|数据)?来源[:：][^。]{0,60}[)]?$/ },
  { name: 'an editor line (责任编辑：…)', re: /^[(]?\s*(?:责任编辑|编辑|校对|审核|监制)[:：][^。]{0,30}[)]?$/ },
  {
    name: 'a page number',
    re: /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|[·•]\s*\d+\s*[·•]|page \d+(?: of \d+)?)$/i,
  },
  { name: 'a skip link (跳过导航, 跳到主要内容)', re: /^(?:跳过导[航览](?:列|栏)?|跳(?:到|至|转到)主要?内容(?:区块|区)?|skip to (?:main )?content|:::)$/i },
  {
    name: 'a breadcrumb (当前位置：首页 > …)',
    re: /^(?:(?:当前|您的|你的|您现在的|现在|所在|您所在的|你所在的)位置\s*[:：].{0,80}|(?:首页|主页|网站首页|home)\s*(?:[>»›→＞]\s*[^>»›→＞]{1,30}\s*)+)$/i,
  },
  {
    name: 'share buttons (分享到：微信 微博)',
    re: /^(?:分享到|分享至|分享|share(?: this)?)\s*[:：]?(?:\s*(?:微信|朋友圈|微博|新浪微博|腾讯微博|qq空间|qq|豆瓣|facebook|twitter|whatsapp|linkedin|line|email|电邮|电子邮件|更多)[\s|｜、,，]*)*$|^扫一扫.{0,20}$/i,
  },
  {
    name: 'text-size buttons (A A A, 字号：大 中 小)',
    re: /^(?:a[+\-]?\s*){2,4}$|^[【[]?\s*(?:字体|字号|字级|文字大小|字体大小)?\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]*$/i,
  },
  { name: 'print, close and other buttons', re: new RegExp(`^(?:[【\\[]?${BUTTON}[】\\]]?${SEPARATORS})+$`, 'i') },
  { name: 'a row of site links (热门站点| 世界资料网 | 专利资料网)', re: /^(?:[^|。，,；;：:]{1,12}\|\s*){2,}[^|。，,；;：:]{1,12}$/ },
  { name: 'a download link (下载地址: 点击此处下载)', re: /^(?:(?:下载地址|附件下载|相关下载)\s*[:：]?\s*.{0,20}|点击(?:此处|这里)下载)$/ },
  {
    name: 'a video or page that did not load',
    re: /^(?:未能播放视频.{0,30}|视频加载中.{0,10}|您的浏览器不支持.{0,30}|你的浏览器不支持.{0,30}|loading\W*|加载中\W*|正在加载\W*|请稍[候后]\W*)$/i,
  },
  { name: 'a trending bar’s label (热门:)', re: /^(?:热门|热搜|热门搜索|热门关键词|热点)\s*[:：]$/ },
  { name: 'a photo section’s label (图片, 相片)', re: /^(?:图片|相片|附图|图集|图片集)$/ },
  { name: 'a row of stars or rules under a heading (*****)', re: /^[*＊\-—–=_~·•]{3,}$/ },
  { name: 'an empty list item', re: /^[-•·▪●]$/ },
  { name: 'a view counter (浏览次数：123)', re: /^(?:浏览次数|阅读次数|点击数|点击量|访问量|浏览量|阅读量|阅读)\s*[:：]\s*\d+\s*(?:次)?$/ },
  // A Hong Kong press release ends with 完 (or Ends), then its day and the time it was issued.
  { name: 'the end mark of a press release (完)', re: /^(?:完|ends|nnnn)$/i },
  { name: 'a gazette running header', re: GAZETTE_HEADER },
  // The Macau gazette's pages (bo.io.gov.mo) link the PDF, the Portuguese text and LegisMac's notes.
  {
    name: 'links of a gazette page to its PDF, its other language and its notes',
    re: /^(?:《(?:公报|legismac)》.{0,12}(?:pdf\s*版本|的法例注释)|(?:葡文|中文|英文)版本|pdf\s*版本)$/i,
  },
  { name: 'a PDF reader notice (请使用Adobe Reader…, Get Adobe Reader)', re: /^(?:请使用\s*adobe reader.{0,30}[。.]?|get adobe (?:acrobat )?reader)$/i, sentence: true },
];

/** A gazette page's list of related laws and categories: its label, then its items (• …). */
export const RELATED_LIST = /^(?:相关法规|相关类别|相关法例|相关文件)\s*[:：]$/;

/** Furniture is short; a long paragraph is text whatever it starts with. */
const MAX_FURNITURE = 120;

/** The rule that names this line as furniture, or null when it is text. */
export function furnitureRule(text: string): FurnitureRule | null {
  // Furniture is never a sentence: a line with a full stop inside or at its end is text.
  if (text.length > MAX_FURNITURE) return null;
  const sentence = /[。；]/.test(text);
  const folded = fold(text).trim();
  // Headers are set with their characters spaced out: 澳 門 政 府 公 報.
  const unspaced = folded.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
  return FURNITURE.find((r) => (!sentence || r.sentence) && (r.re.test(folded) || r.re.test(unspaced))) ?? null;
}

/**
 * The labels of a portal's information block (索引号：… 发布机构：… 成文日期：… 文号：…). They
 * describe the document; they are not its text, and 标题：… is no second title.
 */
const FIELD_KEYS = [
  '索引号', '主题分类', '体裁分类', '组配分类', '分类', '发文机关', '发布机构', '发文单位', '发布单位',
  '成文日期', '发布日期', '刊登日期', '公布日期', '公开日期', '发文日期', '印发日期', '发布时间',
  '生效日期', '实施日期', '废止日期', '失效日期', '标题', '文号', '发文字号', '主题词', '公开方式',
  '公开范围', '公开属性', '有效性', '时效性', '效力状态', '信息来源', '来源', '作者', '关键词', '关键字',
  '浏览次数', '点击数', '点击', '字号', '字体', '公报编号', '版数', '法规', '日期',
];
/** The fields that describe the document itself, and stay readable for its metadata. */
const DOCUMENT_FIELDS = new Set([
  '发文机关', '发布机构', '发文单位', '发布单位', '成文日期', '发布日期', '发布时间', '发文日期',
  '印发日期', '公开日期', '公布日期', '刊登日期', '文号', '发文字号', '法规', '日期',
]);

/**
 * The line a field block leaves in the text the metadata is read from: its dates, numbers and
 * issuer, not the page's author, views or upload time (作者:法律资料网 时间:2024-07-22…).
 */
export function fieldsText(fields: Record<string, string>): string {
  return Object.entries(fields)
    .filter(([k]) => DOCUMENT_FIELDS.has(k))
    .map(([k, v]) => `${k}：${v}`)
    .join(' ');
}

/** A news page's byline: 2019年03月13日 20:46 | 作者:朱宇軒 | 來源:新華社. */
const BYLINE = /^(\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?:[|｜]\s*|\s+(?=\S+\s*[:：]))/;
/** The stamp under a Hong Kong Government press release: 香港時間16時00分. */
const HK_STAMP = /^香港时间\s*\d{1,2}\s*时\s*\d{1,2}\s*分$/;
const SECTION_DATELINE = /^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s+[\p{Script=Han}]{2,6}){1,3}$/u;
const FIELD = new RegExp(`(?:^|[\\s|｜])(${FIELD_KEYS.join('|')})\\s*[:：]\\s*`, 'g');

/** The fields of a line made only of portal labels and their values; null when it is text. */
export function portalFields(text: string): Record<string, string> | null {
  if (text.length > 300) return null;
  // A date set alone in digits and hyphens is a page's date stamp; official texts print 年月日.
  if (/^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.test(text.trim())) return { 发布日期: text.trim() };
  // Every other field line opens with a label and a colon, or with the date of a byline.
  if (!/^[^:：]{1,6}[:：]|^\d{4}|^香港[时時][间間]/.test(text.trim())) return null;
  const folded = fold(text);
  if (HK_STAMP.test(folded.trim())) return { 发布时间: text.trim() };
  // A news site's dateline: its day, then its sections (2024年2月6日 時事脈搏 港聞).
  const dateline = SECTION_DATELINE.exec(folded.trim());
  if (dateline?.[1] && !/通过|批准|修正|修订|公布|发布|施行|实施|印发/.test(folded)) return { 发布日期: dateline[1] };
  const byline = BYLINE.exec(folded);
  if (byline) {
    const rest = portalFields(text.slice(byline[0].length));
    return rest ? { 发布日期: text.slice(0, byline[1]?.length ?? 0), ...rest } : null;
  }
  const keys = [...folded.matchAll(FIELD)];
  const first = keys[0];
  if (!first || first.index !== 0) return null;
  const fields: Record<string, string> = {};
  keys.forEach((k, i) => {
    const start = k.index + k[0].length;
    const end = keys[i + 1]?.index ?? text.length;
    fields[k[1] ?? ''] = text.slice(start, end).replace(/[\s|｜]+$/, '').trim();
  });
  // 来源：… alone is a source line; a field line names at least one field a portal prints.
  return Object.keys(fields).some((k) => k !== '来源' && k !== '信息来源') ? fields : null;
}
