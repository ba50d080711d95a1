// Reading a saved or incoming note: validation with a clear message, a size limit, the plain text
// that search and the CLI use, and the HTML that an export carries.

import { Node, type Mark } from 'prosemirror-model';
import { clauseUri, noteSchema } from './schema.ts';

/**
 * Largest note accepted, as JSON in UTF-8. A page of text is a few KB; 1 MiB holds a long essay
 * with room to spare and keeps one runaway paste from bloating every backup.
 */
export const MAX_NOTE_BYTES = 1024 * 1024;

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;
const megabytes = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

function checkSize(bytes: number): void {
  if (bytes > MAX_NOTE_BYTES) {
    throw new NoteError(`the note is ${megabytes(bytes)}; a note may hold up to ${megabytes(MAX_NOTE_BYTES)}`);
  }
}

/** A ProseMirror document of the note schema, checked whole; throws NoteError otherwise. */
export function noteFromJSON(json: unknown): Node {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new NoteError('a note must be a ProseMirror document object');
  if ((json as { type?: unknown }).type !== 'doc') throw new NoteError('a note must be a document (its type must be "doc")');
  checkSize(utf8Length(JSON.stringify(json)));
  let node: Node;
  try {
    node = noteSchema.nodeFromJSON(json);
    // fromJSON builds without checking content expressions: a list holding bare text would pass.
    node.check();
  } catch (e) {
    throw new NoteError(`the note is not a valid note: ${(e as Error).message}`);
  }
  return node;
}

/** A note stored as JSON text. */
export function parseNote(raw: string): Node {
  checkSize(utf8Length(raw));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new NoteError(`the note is not JSON: ${(e as Error).message}`);
  }
  return noteFromJSON(json);
}

/** A note of plain text: one paragraph per line (the CLI's --note, imports of plain notes). */
export function noteFromText(text: string): Node {
  checkSize(utf8Length(text));
  const paragraphs = text.split(/\r?\n/).map((line) => noteSchema.node('paragraph', null, line === '' ? [] : [noteSchema.text(line)]));
  return noteSchema.node('doc', null, paragraphs);
}

/** The plain text of a note (a Node or its JSON): for search, the CLI and a TextualBody's text. */
export function noteText(note: unknown): string {
  const doc = note instanceof Node ? note : noteFromJSON(note);
  const lines: string[] = [];
  const block = (node: Node, indent: string, marker: string): void => {
    if (node.type.name === 'paragraph') {
      let line = '';
      node.forEach((child) => { line += child.type.name === 'hard_break' ? `\n${indent}` : (child.text ?? ''); });
      lines.push(`${indent}${marker}${line}`);
    } else if (node.type.name === 'bullet_list' || node.type.name === 'ordered_list') {
      const start = Number(node.attrs['order'] ?? 1);
      node.forEach((item, _offset, i) => {
        const mark = node.type.name === 'bullet_list' ? '- ' : `${start + i}. `;
        item.forEach((child, _o, j) => { block(child, j === 0 ? indent : `${indent}  `, j === 0 ? mark : ''); });
      });
    }
  };
  doc.forEach((child) => { block(child, '', ''); });
  return lines.join('\n');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wrapMark(mark: Mark, html: string): string {
  if (mark.type.name === 'strong') return `<strong>${html}</strong>`;
  if (mark.type.name === 'em') return `<em>${html}</em>`;
  const id = escapeHtml(String(mark.attrs['clauseId']));
  return `<a href="${escapeHtml(clauseUri(id))}" data-clause-id="${id}">${html}</a>`;
}

/** HTML of a note, for exports (a TextualBody of format text/html); every text is escaped. */
export function noteToHTML(note: Node): string {
  const render = (node: Node): string => {
    if (node.isText) return [...node.marks].reverse().reduce((html, m) => wrapMark(m, html), escapeHtml(node.text ?? ''));
    let inner = '';
    node.forEach((child) => { inner += render(child); });
    switch (node.type.name) {
      case 'paragraph': return `<p>${inner}</p>`;
      case 'hard_break': return '<br>';
      case 'bullet_list': return `<ul>${inner}</ul>`;
      case 'ordered_list': return Number(node.attrs['order']) === 1 ? `<ol>${inner}</ol>` : `<ol start="${Number(node.attrs['order'])}">${inner}</ol>`;
      case 'list_item': return `<li>${inner}</li>`;
      default: return inner;
    }
  };
  return render(note);
}

/** The clauses a note links to, in order of appearance, each once. */
export function linkedClauses(note: Node): string[] {
  const ids = new Set<string>();
  note.descendants((node) => {
    for (const m of node.marks) if (m.type.name === 'clause_link') ids.add(String(m.attrs['clauseId']));
  });
  return [...ids];
}
