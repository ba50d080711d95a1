// Recognise a file's format and read it into blocks: paragraphs and tables with their source line.
// Nothing here decides structure; Markdown heading levels are kept only as a hint that a line was
// set apart, because in converted files they are random.

import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { Parser } from 'htmlparser2';
import { parse as parseYaml } from 'yaml';
import type { Format } from '../model/records.ts';

export type { Format };

export interface Block {
  text: string;
  /** 1-based line in the source file where the block starts. */
  line: number;
  /** The source set this block apart (a Markdown heading, an HTML h1–h6, a bold-only line). */
  heading: boolean;
  /** Rows of cells when the block is a table. */
  table?: string[][];
  /** Inside a block quote (news sites quote their own lead). */
  quote?: boolean;
  /**
   * The block's text up to the end of the bold run it opens with, when one starts within its first
   * few characters (<b>第一条 立法目的</b>为了…, 第一条 <strong>立法目的</strong>…): what the source
   * set in bold, which the structure reads as a printed heading.
   */
  boldLead?: string;
}

export interface FrontMatter {
  title?: string;
  date?: string;
  categories?: string;
  tags?: string;
}

export interface ReadResult {
  format: Format;
  frontMatter: FrontMatter | null;
  blocks: Block[];
}

const HTML_BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote',
  'section', 'article', 'pre', 'dd', 'dt', 'dl', 'hr', 'center', 'thead', 'tbody', 'body', 'html',
]);
/** Elements that never hold text, which htmlparser2 closes as soon as it opens them. */
const HTML_VOID_TAGS = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'source']);
/** A bold run starts this close to the block's start or it is no lead (a label is short). */
const BOLD_LEAD_START = 16;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i;

/** Elements whose content is never text of the document. */
const HTML_SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'nav', 'head', 'svg', 'button', 'select', 'form']);

function lineAt(lineStarts: number[], index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Collapses runs of white space inside a paragraph (CJK text has no spaces to lose) and drops the
 * zero-width characters pages leave behind, which no reader sees and no search should trip on.
 */
function cleanInline(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
}

/**
 * HTML → blocks. htmlparser2 is forgiving of the unclosed and misnested tags of real downloads.
 * `baseLine` is the line of the HTML's first character in the whole file.
 */
function readHtml(html: string, baseLine = 1): Block[] {
  const blocks: Block[] = [];
  const lineStarts = computeLineStarts(html);
  let buf = '';
  let bufStart = -1;
  let skipDepth = 0;
  let headingDepth = 0;
  let quoteDepth = 0;
  let row: string[] | null = null;
  let rows: string[][] | null = null;
  let tableLine = 0;
  let cell: string | null = null;
  let parser: Parser | null = null;
  const position = (): number => parser?.startIndex ?? 0;
  /** Whether each open element sets its text in bold (<b>, <strong>, style="font-weight:bold"). */
  const boldStack: boolean[] = [];
  let boldDepth = 0;
  /** The text of the block up to its first bold run's end; done once plain text follows the run. */
  let lead = '';
  let leadBold = false;
  let leadDone = false;

  const readLead = (data: string): void => {
    if (leadDone) return;
    if (boldDepth > 0) {
      leadBold = leadBold || data.trim().length > 0;
      lead += data;
    } else if (leadBold && data.trim()) {
      leadDone = true;
    } else {
      lead += data;
      if (lead.trim().length > BOLD_LEAD_START) leadDone = true;
    }
  };

  const flush = (): void => {
    const text = cleanInline(buf);
    if (text) {
      const block: Block = { text, line: baseLine - 1 + lineAt(lineStarts, Math.max(bufStart, 0)), heading: headingDepth > 0 };
      if (quoteDepth > 0) block.quote = true;
      const boldLead = leadBold ? cleanInline(lead.replace(/\s*\n\s*/g, '')) : '';
      if (boldLead) block.boldLead = boldLead;
      blocks.push(block);
    }
    buf = '';
    bufStart = -1;
    lead = '';
    leadBold = false;
    leadDone = false;
  };

  parser = new Parser(
    {
      onopentag(name, attribs) {
        if (!HTML_VOID_TAGS.has(name)) {
          const bold = name === 'b' || name === 'strong' || BOLD_STYLE.test(attribs['style'] ?? '');
          boldStack.push(bold);
          if (bold) boldDepth++;
        }
        if (HTML_SKIP_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'table') {
          flush();
          rows = [];
          tableLine = baseLine - 1 + lineAt(lineStarts, position());
        } else if (name === 'tr' && rows) {
          row = [];
        } else if ((name === 'td' || name === 'th') && row) {
          cell = '';
        } else if (HTML_BLOCK_TAGS.has(name) && !rows) {
          flush();
        }
        if (/^h[1-6]$/.test(name)) headingDepth++;
        if (name === 'blockquote') quoteDepth++;
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (cell !== null) {
          cell += data;
          return;
        }
        if (rows) return;
        if (bufStart < 0 && data.trim()) bufStart = position();
        buf += data.replace(/\s*\n\s*/g, '');
        readLead(data);
      },
      onclosetag(name) {
        if (!HTML_VOID_TAGS.has(name) && boldStack.pop() === true) boldDepth--;
        if (HTML_SKIP_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if ((name === 'td' || name === 'th') && row && cell !== null) {
          row.push(cleanInline(cell));
          cell = null;
        } else if (name === 'tr' && rows && row) {
          if (row.some((c) => c)) rows.push(row);
          row = null;
        } else if (name === 'table' && rows) {
          if (rows.length > 0) {
            blocks.push({ text: rows.map((r) => r.join('\t')).join('\n'), line: tableLine, heading: false, table: rows });
          }
          rows = null;
        } else if (HTML_BLOCK_TAGS.has(name) && !rows) {
          flush();
        }
        if (/^h[1-6]$/.test(name)) headingDepth = Math.max(0, headingDepth - 1);
        if (name === 'blockquote') quoteDepth = Math.max(0, quoteDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/** Consecutive lines holding tabs are a table exported from a spreadsheet or a PDF. */
function tableFromLines(lines: string[]): string[][] | null {
  const withTabs = lines.filter((l) => l.includes('\t')).length;
  if (lines.length < 2 || withTabs < lines.length * 0.6) return null;
  return lines.map((l) => l.split('\t').map(cleanInline));
}

/** Plain text: one block a line; runs of tab-separated lines become tables. */
function readPlain(text: string, baseLine = 1): Block[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    if (raw.includes('\t') && raw.trim()) {
      let j = i;
      while (j < lines.length && (lines[j] ?? '').includes('\t')) j++;
      const run = lines.slice(i, j);
      const table = tableFromLines(run);
      if (table) {
        blocks.push({ text: run.map((r) => r.trimEnd()).join('\n'), line: baseLine + i, heading: false, table });
        i = j;
        continue;
      }
    }
    const t = cleanInline(raw);
    if (t) blocks.push({ text: t, line: baseLine + i, heading: false });
    i++;
  }
  return blocks;
}

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false })
  // Numbering like "1. " and indented paragraphs are text, not lists or code, in these files.
  .disable(['list', 'code', 'lheading', 'hr', 'reference'])
  // CommonMark does not close **粗体：**后文 when punctuation meets a CJK letter; this plugin does.
  .use(cjkFriendly);

type Token = ReturnType<typeof markdown.parse>[number];

/** Where a bold run opens and closes in inline text; taken out again line by line. */
const BOLD_OPEN = '\u0001';
const BOLD_CLOSE = '\u0002';
const BOLD_MARKS = /[\u0001\u0002]/g;

/** A Markdown line's text up to the end of the bold run it opens with (**第一条 立法目的**为了…). */
function markdownBoldLead(line: string): string | undefined {
  const open = line.indexOf(BOLD_OPEN);
  if (open < 0 || cleanInline(line.slice(0, open)).length > BOLD_LEAD_START) return undefined;
  const close = line.indexOf(BOLD_CLOSE, open);
  return cleanInline(line.slice(0, close < 0 ? line.length : close).replace(BOLD_MARKS, '')) || undefined;
}

/** The inline text of a paragraph, bold runs marked with BOLD_OPEN and BOLD_CLOSE. */
function inlineText(tokens: Token[]): { text: string; allStrong: boolean } {
  let text = '';
  let strongDepth = 0;
  let plainOutside = false;
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        if (strongDepth === 0 && t.content.trim()) plainOutside = true;
        text += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content)) text += '\n';
        break;
      case 'strong_open':
        if (strongDepth === 0) text += BOLD_OPEN;
        strongDepth++;
        break;
      case 'strong_close':
        strongDepth--;
        if (strongDepth === 0) text += BOLD_CLOSE;
        break;
      case 'image':
        break;
      default:
        break;
    }
  }
  return { text, allStrong: !plainOutside && text.replace(BOLD_MARKS, '').trim().length > 0 };
}

/** Markdown (and front matter pages that mix Markdown with inline HTML) → blocks. */
function readMarkdown(source: string, baseLine = 1): Block[] {
  const tokens = markdown.parse(source, {});
  const srcLines = source.split('\n');
  const blocks: Block[] = [];
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    if (tok.type === 'blockquote_open') quoteDepth++;
    else if (tok.type === 'blockquote_close') quoteDepth--;
    else if (tok.type === 'html_block') {
      blocks.push(...readHtml(tok.content, baseLine + (tok.map?.[0] ?? 0)).map((b) => (quoteDepth > 0 ? { ...b, quote: true } : b)));
    } else if (tok.type === 'heading_open' || tok.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      if (!inline || inline.type !== 'inline') continue;
      const start = tok.map?.[0] ?? 0;
      const end = tok.map?.[1] ?? start + 1;
      const rawLines = srcLines.slice(start, end);
      const table = tok.type === 'paragraph_open' ? tableFromLines(rawLines) : null;
      if (table) {
        blocks.push({ text: rawLines.join('\n'), line: baseLine + start, heading: false, table });
        continue;
      }
      const { text, allStrong } = inlineText(inline.children ?? []);
      // Each source line is its own block; rejoining cut paragraphs is the normaliser's job.
      text.split('\n').forEach((lineText, k) => {
        const t = cleanInline(lineText.replace(BOLD_MARKS, ''));
        if (!t) return;
        const block: Block = { text: t, line: baseLine + start + k, heading: tok.type === 'heading_open' || allStrong };
        if (quoteDepth > 0) block.quote = true;
        const boldLead = markdownBoldLead(lineText);
        if (boldLead) block.boldLead = boldLead;
        blocks.push(block);
      });
    }
  }
  return blocks;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function readFrontMatter(text: string): { fm: FrontMatter; bodyStartLine: number; body: string } | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  const str = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').join(' ');
    return undefined;
  };
  const fm: FrontMatter = {};
  const title = str(record['title']);
  const date = str(record['date']);
  const categories = str(record['categories']);
  const tags = str(record['tags']);
  if (title) fm.title = title.trim();
  if (date) fm.date = date;
  if (categories) fm.categories = categories;
  if (tags) fm.tags = tags;
  const consumed = m[0];
  // The consumed text ends with a newline, so the count of pieces is the first body line.
  return { fm, bodyStartLine: consumed.split('\n').length, body: text.slice(consumed.length) };
}

function detectFormat(text: string, fileName: string): Format {
  const lower = fileName.toLowerCase();
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  const head = text.slice(0, 20000);
  if (/^\s*<(!doctype html|html|body|head)\b/i.test(head)) return 'html';
  const lines = head.split('\n');
  const mdSignals = lines.filter((l) => /^#{1,6}\s/.test(l) || /\*\*[^*]+\*\*/.test(l) || /^\s*<https?:\/\/[^>]+>\s*$/.test(l) || /\]\([^)]+\)/.test(l)).length;
  const htmlSignals = (head.match(/<\/?(p|div|span|br|table|td|tr|a)\b/gi) ?? []).length;
  if (mdSignals >= 2) return 'markdown';
  if (htmlSignals >= 6) return 'markdown'; // HTML fragments pasted into text: the Markdown reader passes them to the HTML reader
  return 'text';
}

export function readBlocks(text: string, fileName: string): ReadResult {
  const front = readFrontMatter(text);
  if (front) {
    // Jekyll pages: front matter, then Markdown holding inline HTML.
    return { format: 'markdown', frontMatter: front.fm, blocks: readMarkdown(front.body, front.bodyStartLine) };
  }
  const format = detectFormat(text, fileName);
  const blocks = format === 'html' ? readHtml(text) : format === 'markdown' ? readMarkdown(text) : readPlain(text);
  return { format, frontMatter: null, blocks };
}
