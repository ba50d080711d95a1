// The places a text names, found as words: the longest name at each position wins and consumes
// its characters, so 上海口岸 is 上海 (not 海口) and 孙中山 is no 中山, and the names of
// rivers and streets (黄浦江苏州河, 中山路) name no place. Names are matched on the
// folded text, so 澳門特別行政區 and 澳门特别行政区 are one place; a place is named in its
// Simplified standard form.

import { fold } from '../../../shared/fold.ts';
import type { Jurisdiction, Level } from '../../../shared/types.ts';

export interface Place extends Jurisdiction {
  /** Where the name starts in the text. */
  index: number;
}

interface PlaceName {
  name: string;
  level: Level;
  /** A zone's city, province and the SARs its own name involves (粤澳 → Macau). */
  within?: Jurisdiction[];
}

const GUANGDONG: Jurisdiction = { name: '广东省', level: 'province' };
const HONG_KONG: Jurisdiction = { name: '香港特别行政区', level: 'sar' };
const MACAU: Jurisdiction = { name: '澳门特别行政区', level: 'sar' };
const city = (name: string): Jurisdiction => ({ name, level: 'city' });

const GD_CITIES = ['广州', '深圳', '珠海', '汕头', '佛山', '韶关', '河源', '梅州', '惠州', '汕尾', '东莞', '中山', '江门', '阳江', '湛江', '茂名', '肇庆', '清远', '潮州', '揭阳', '云浮'];
const OTHER_CITIES = ['南京', '杭州', '宁波', '温州', '厦门', '青岛', '济南', '淄博', '烟台', '洛阳', '郑州', '成都', '武汉', '西安', '长沙', '苏州', '无锡', '大连', '沈阳', '哈尔滨', '长春', '福州', '南宁', '海口', '三亚', '昆明', '贵阳', '合肥', '南昌', '石家庄', '太原', '兰州', '银川', '西宁', '拉萨', '乌鲁木齐', '呼和浩特'];
const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
const PROVINCES = ['广东', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾'];
const REGIONS: [string, string][] = [['内蒙古', '内蒙古自治区'], ['广西', '广西壮族自治区'], ['西藏', '西藏自治区'], ['宁夏', '宁夏回族自治区'], ['新疆', '新疆维吾尔自治区']];

/**
 * The cooperation zones of the Greater Bay Area: districts of their city, inside Guangdong, with
 * the SAR their name joins (横琴粤澳 → Macau, 前海深港 → Hong Kong). Each is named as the texts of
 * the library name it: Nansha as the district 南沙区 (广州市南沙区), which the national new area
 * (广州南沙新区) and the free-trade area (广州南沙新区片区) cover, so one filter finds them all.
 */
const ZONES: [string[], string, Jurisdiction[]][] = [
  [['横琴粤澳深度合作区', '横琴新区', '横琴'], '横琴粤澳深度合作区', [city('珠海市'), GUANGDONG, MACAU]],
  [['前海深港现代服务业合作区', '前海合作区', '前海蛇口', '前海'], '前海深港现代服务业合作区', [city('深圳市'), GUANGDONG, HONG_KONG]],
  [['河套深港科技创新合作区', '河套'], '河套深港科技创新合作区', [city('深圳市'), GUANGDONG, HONG_KONG]],
  [['广州南沙新区片区', '南沙新区片区', '南沙片区', '广州南沙新区', '南沙新区', '广州南沙', '南沙区', '南沙'], '南沙区', [city('广州市'), GUANGDONG]],
  [['深汕特别合作区', '深汕合作区'], '深汕特别合作区', [city('深圳市'), GUANGDONG]],
];

/**
 * The districts, counties and county-level cities of the Greater Bay Area's cities (行政区划 as of
 * 2024; Dongguan and Zhongshan have towns, no districts), Hong Kong's 18 districts and Macau's
 * parishes. Each full name is read, and the short form after it only where the short form is
 * a name and no common word: 增城 and 顺德 are places, while 光明, 南海, 高明, 三水, 从化(石能源) and
 * 高要(求) are words too. Hong Kong's 东区, 南区 and 北区 sit inside mainland names (河东区): they
 * are read only right after Hong Kong's name.
 */
const DISTRICTS: [Jurisdiction[], string[], string[]][] = [
  [[city('广州市'), GUANGDONG], ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '从化区', '增城区'], ['越秀', '海珠', '荔湾', '天河', '番禺', '花都', '增城']],
  [[city('深圳市'), GUANGDONG], ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区', '大鹏新区'], ['福田', '罗湖', '宝安', '龙岗', '坪山']],
  [[city('珠海市'), GUANGDONG], ['香洲区', '斗门区', '金湾区'], ['香洲', '斗门', '金湾']],
  [[city('佛山市'), GUANGDONG], ['禅城区', '南海区', '顺德区', '三水区', '高明区'], ['禅城', '顺德']],
  [[city('惠州市'), GUANGDONG], ['惠城区', '惠阳区', '惠东县', '博罗县', '龙门县'], ['惠城', '惠阳', '惠东', '博罗']],
  [[city('江门市'), GUANGDONG], ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'], ['蓬江']],
  [[city('肇庆市'), GUANGDONG], ['端州区', '鼎湖区', '高要区', '四会市', '广宁县', '怀集县', '封开县', '德庆县'], ['端州', '鼎湖', '怀集']],
  [[HONG_KONG], ['中西区', '湾仔区', '东区', '南区', '油尖旺区', '深水埗区', '九龙城区', '黄大仙区', '观塘区', '荃湾区', '屯门区', '元朗区', '北区', '大埔区', '沙田区', '西贡区', '葵青区', '离岛区'], ['油尖旺', '深水埗', '黄大仙', '观塘', '荃湾', '屯门', '元朗', '葵青']],
  [[MACAU], ['花地玛堂区', '圣安多尼堂区', '花王堂区', '望德堂区', '大堂区', '风顺堂区', '圣老楞佐堂区', '嘉模堂区', '圣方济各堂区', '路氹城'], []],
];
/** Full names that sit inside other names or words: read only right after their city or SAR. */
const ONLY_AFTER_CITY = new Set(['东区', '南区', '北区', '大堂区']);

/** Words that hold a place name but name no place (孙中山, 中山大学, 南沙群岛). */
const NOT_PLACES = ['孙中山', '中山大学', '中山装', '中山陵', '中山公园', '南沙群岛'];

function buildNames(): Map<string, PlaceName | null> {
  const names = new Map<string, PlaceName | null>();
  const add = (alias: string, place: PlaceName | null): void => {
    if (!names.has(alias)) names.set(alias, place);
  };
  for (const [aliases, name, within] of ZONES) for (const a of aliases) add(a, { name, level: 'district', within });
  for (const [within, full, short] of DISTRICTS) {
    for (const name of full) add(name, { name, level: 'district', within });
    // A short form is the full name less its 区, 县 or 市.
    for (const a of short) {
      const name = full.find((f) => f.startsWith(a));
      if (name) add(a, { name, level: 'district', within });
    }
  }
  for (const [sar, short] of [[HONG_KONG, '香港'], [MACAU, '澳门']] as const) {
    for (const a of [sar.name, `${short}特区`, short]) add(a, { name: sar.name, level: 'sar' });
  }
  for (const w of NOT_PLACES) add(w, null);
  for (const c of [...GD_CITIES, ...OTHER_CITIES]) {
    add(`${c}市`, { name: `${c}市`, level: 'city' });
    add(c, { name: `${c}市`, level: 'city' });
  }
  for (const c of MUNICIPALITIES) {
    add(`${c}市`, { name: `${c}市`, level: 'province' });
    add(c, { name: `${c}市`, level: 'province' });
  }
  for (const p of PROVINCES) {
    add(`${p}省`, { name: `${p}省`, level: 'province' });
    add(p, { name: `${p}省`, level: 'province' });
  }
  for (const [short, full] of REGIONS) {
    add(full, { name: full, level: 'province' });
    add(short, { name: full, level: 'province' });
  }
  return names;
}

const NAMES = buildNames();
const LONGEST = Math.max(...[...NAMES.keys()].map((k) => k.length));
const FIRST_CHARS = new Set([...NAMES.keys()].map((k) => k[0]));

/** The longest name that starts at `i`, and its length (0 when none does). */
function longestAt(folded: string, i: number): [PlaceName | null | undefined, number] {
  if (!FIRST_CHARS.has(folded[i])) return [undefined, 0];
  for (let len = Math.min(LONGEST, folded.length - i); len >= 2; len--) {
    const place = NAMES.get(folded.slice(i, i + len));
    if (place !== undefined) return [place, len];
  }
  return [undefined, 0];
}

const HAN = /\p{Script=Han}/u;
/** The characters that end the names of rivers, lakes, hills and streets (黄浦江, 苏州河, 中山路). */
const FEATURE = new Set(['江', '河', '湖', '山', '路', '街', '道', '桥']);

/**
 * Every mention of a place, in order: at each position the longest name, which consumes its
 * characters. Two rules keep the names of rivers and streets out, in general terms:
 * - a short name followed by the end of a feature's name names the feature (苏州河, 中山路), unless
 *   another place begins there (广东河源);
 * - a name inside a run of Chinese that begins with such an end and runs into another name
 *   (黄浦江苏州河: 江苏 and 苏州 share 苏) is the tail of the word before it.
 */
export function mentionsIn(text: string): Place[] {
  const folded = fold(text);
  const found: Place[] = [];
  /** Where the last name ends: a name starting there starts a word. */
  let end = 0;
  /** Where the last mention ends: a district right after it is read with it (广州市天河区). */
  let mentionEnd = -1;
  for (let i = 0; i < folded.length; ) {
    const [place, len] = longestAt(folded, i);
    if (len === 0) {
      i++;
      continue;
    }
    const short = place !== null && place !== undefined && folded.slice(i, i + len) !== place.name;
    if (short && FEATURE.has(folded[i + len] ?? '') && longestAt(folded, i + len)[1] === 0) {
      i += len;
      continue;
    }
    const boundary = i === 0 || i === end || !HAN.test(folded[i - 1] ?? '');
    if (place && !boundary && FEATURE.has(folded[i] ?? '') && runsIntoAnother(folded, i, len)) {
      i++;
      continue;
    }
    if (place?.within && !districtFits(folded, i, len, place, found.at(-1), mentionEnd)) {
      i += len;
      continue;
    }
    if (place) found.push({ name: place.name, level: place.level, index: i });
    i += len;
    end = i;
    if (place) mentionEnd = i;
  }
  return found;
}

/**
 * Whether a district's name at [i, i+len) names that district: not in 南海区域 (a region), not
 * right after another city (贵阳市白云区, 海口市龙华区, 武汉天河机场), and a name that sits inside
 * others (东区) only right after its own city or SAR (香港东区).
 */
function districtFits(folded: string, i: number, len: number, place: PlaceName, before: Place | undefined, beforeEnd: number): boolean {
  if (folded[i + len - 1] === '区' && folded[i + len] === '域') return false;
  const after = before !== undefined && beforeEnd === i && before.level !== 'district' ? before : undefined;
  const own = after !== undefined && (place.within ?? []).some((w) => w.name === after.name);
  if (after && !own) return false;
  return own || !ONLY_AFTER_CITY.has(place.name);
}

/** Whether a name starting inside [i, i+len) runs past it. */
function runsIntoAnother(folded: string, i: number, len: number): boolean {
  for (let j = i + 1; j < i + len; j++) if (j + longestAt(folded, j)[1] > i + len) return true;
  return false;
}

/** Every place the text names, in order, each once; a zone brings its city, province and SAR after it. */
export function placesIn(text: string): Place[] {
  const found: Place[] = [];
  const add = (j: Jurisdiction, index: number): void => {
    if (!found.some((p) => p.name === j.name)) found.push({ name: j.name, level: j.level, index });
  };
  for (const m of mentionsIn(text)) {
    add(m, m.index);
    for (const w of NAMES.get(m.name)?.within ?? []) add(w, m.index);
  }
  return found;
}

/**
 * The place an issuer is of, when the lists above do not know it: 开封市人民代表大会常务委员会 is
 * of 开封市, 景宁畲族自治县人民政府 of 景宁畲族自治县.
 */
export function issuerPlace(issuer: string): Jurisdiction | null {
  const m = /^([\u4e00-\u9fa5]{2,10}?(?:自治州|自治县|市|县|州|盟))(?:人民代表大会|人大|人民政府|人民法院|人民检察院)/.exec(fold(issuer));
  if (!m?.[1]) return null;
  const known = NAMES.get(m[1]);
  if (known) return { name: known.name, level: known.level };
  return { name: m[1], level: /县$/.test(m[1]) ? 'district' : 'city' };
}

/** The zone a text names first, then what it lies within; null when it names none. */
export function zoneIn(text: string): Jurisdiction[] | null {
  const zone = mentionsIn(text).find((p) => p.level === 'district');
  if (!zone) return null;
  return [{ name: zone.name, level: zone.level }, ...(NAMES.get(zone.name)?.within ?? [])];
}
