// The interface speaks Simplified Chinese first, English as a switch. Every string the user reads
// is here, keyed once; a missing English string is a type error.

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { DocKind, Level } from '../../shared/types.ts';

export type Lang = 'zh' | 'en';

const zh = {
  appName: '条文通',
  library: '文库',
  search: '搜索',
  searchPlaceholder: '搜索条文，如 绿色金融、"单一窗口"、jurisdiction:珠海市',
  find: '在本文中查找',
  findPlaceholder: '在本文中查找',
  findNone: '无匹配',
  preparing: '正在准备文库',
  preparingFile: '正在导入',
  preparingSearch: '正在建立检索索引',
  openError: '文库无法打开',
  needToken: '此页面需要启动时打印的完整地址（含访问密钥）。请使用 npm start 或 npm run serve 输出的链接打开。',
  filterTitle: '按标题筛选',
  allKinds: '全部类型',
  allLevels: '全部层级',
  documents: '份文件',
  clauses: '条',
  open: '打开',
  openLeft: '在左栏打开',
  openRight: '在右栏打开',
  openOther: '在另一栏打开',
  close: '关闭',
  outline: '目录',
  hideOutline: '收起目录',
  showOutline: '展开目录',
  copyCitation: '复制引用',
  copyLink: '复制链接',
  copied: '已复制',
  issuer: '发布机关',
  date: '日期',
  docNumber: '文号',
  validUntil: '有效期至',
  expired: '已失效',
  results: '条结果',
  noResults: '没有找到包含全部词语的条文',
  more: '更多',
  fontSmaller: '缩小字号',
  fontLarger: '放大字号',
  language: 'English',
  languageLabel: '切换到英文',
  emptyPane: '从文库或搜索结果中打开一份文件',
  lead: '牵头',
  cooperate: '配合',
  support: '支持',
  responsible: '负责',
  keyboardHelp: '快捷键：/ 搜索 · Ctrl+F 查找 · ↑↓ 或 j/k 逐条 · Alt+←/→ 切换栏',
  kind: { policy: '政策', notice: '通知', news: '新闻' } satisfies Record<DocKind, string>,
  level: { national: '国家', province: '省级', sar: '特别行政区', city: '市级', district: '区县' } satisfies Record<Level, string>,
  paragraph: '段',
  signature: '落款',
};

export type Messages = typeof zh;

const en: Messages = {
  appName: 'Clauseway',
  library: 'Library',
  search: 'Search',
  searchPlaceholder: 'Search clauses: 绿色金融, "单一窗口", jurisdiction:珠海市',
  find: 'Find in document',
  findPlaceholder: 'Find in this document',
  findNone: 'No match',
  preparing: 'Preparing the library',
  preparingFile: 'Importing',
  preparingSearch: 'Building the search index',
  openError: 'The library cannot be opened',
  needToken: 'This page needs the full address printed at start (it carries the access key). Open the link that npm start or npm run serve printed.',
  filterTitle: 'Filter by title',
  allKinds: 'All kinds',
  allLevels: 'All levels',
  documents: 'documents',
  clauses: 'clauses',
  open: 'Open',
  openLeft: 'Open on the left',
  openRight: 'Open on the right',
  openOther: 'Open in the other pane',
  close: 'Close',
  outline: 'Outline',
  hideOutline: 'Hide outline',
  showOutline: 'Show outline',
  copyCitation: 'Copy citation',
  copyLink: 'Copy link',
  copied: 'Copied',
  issuer: 'Issuer',
  date: 'Date',
  docNumber: 'Doc. no.',
  validUntil: 'Valid until',
  expired: 'Expired',
  results: 'results',
  noResults: 'No clause holds every term',
  more: 'More',
  fontSmaller: 'Smaller text',
  fontLarger: 'Larger text',
  language: '中文',
  languageLabel: 'Switch to Chinese',
  emptyPane: 'Open a document from the library or from search results',
  lead: 'Lead',
  cooperate: 'With',
  support: 'Support',
  responsible: 'Responsible',
  keyboardHelp: 'Keys: / search · Ctrl+F find · ↑↓ or j/k clause by clause · Alt+←/→ switch pane',
  kind: { policy: 'Policy', notice: 'Notice', news: 'News' },
  level: { national: 'National', province: 'Provincial', sar: 'SAR', city: 'Municipal', district: 'District' },
  paragraph: '¶',
  signature: 'Signature',
};

const MESSAGES: Record<Lang, Messages> = { zh, en };
const LANG_KEY = 'clauseway.lang';

interface LangContext {
  lang: Lang;
  t: Messages;
  setLang: (l: Lang) => void;
}

const Context = createContext<LangContext>({ lang: 'zh', t: zh, setLang: () => undefined });

export function LanguageProvider({ children }: { children: ReactNode }): ReactNode {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    // Only the desktop menu listens; when the engine cannot be reached the page says so elsewhere.
    api.setLanguage(lang).catch(() => undefined);
  }, [lang]);
  const value = useMemo(
    () => ({
      lang,
      t: MESSAGES[lang],
      setLang: (l: Lang) => {
        localStorage.setItem(LANG_KEY, l);
        setLangState(l);
      },
    }),
    [lang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useI18n = (): LangContext => useContext(Context);
