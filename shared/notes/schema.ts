// The schema of a note, on prosemirror-model alone so that the engine reads saved notes with
// Node.fromJSON (search, the CLI, export) and the renderer edits them with the same types.
// Paragraphs, bold, italic, bullet and ordered lists, hard breaks, and a link to a clause that the
// reader opens in the other pane.

import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { bulletList, listItem, orderedList } from 'prosemirror-schema-list';

/** The address of a clause, as deep links and exports write it. */
export const clauseUri = (clauseId: string): string => `clauseway://c/${clauseId}`;

/** What a clause id may look like in a note: no spaces, no markup, a sane length. */
export const CLAUSE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

function checkClauseId(value: unknown): void {
  if (typeof value !== 'string' || !CLAUSE_ID_PATTERN.test(value)) {
    throw new RangeError(`a clause link needs a clause id (letters, digits, - and _), not ${JSON.stringify(value)}`);
  }
}

interface Attributed {
  getAttribute(name: string): string | null;
}

const nodes = {
  doc: { content: 'block+' },
  paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }], toDOM: (): DOMOutputSpec => ['p', 0] },
  bullet_list: { ...bulletList, content: 'list_item+', group: 'block' },
  ordered_list: { ...orderedList, content: 'list_item+', group: 'block', attrs: { order: { default: 1, validate: 'number' } } },
  list_item: { ...listItem, content: 'paragraph block*' },
  text: { group: 'inline' },
  hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: (): DOMOutputSpec => ['br'] },
} satisfies Record<string, NodeSpec>;

const marks = {
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }], toDOM: (): DOMOutputSpec => ['em', 0] },
  clause_link: {
    attrs: { clauseId: { validate: checkClauseId } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[data-clause-id]',
        getAttrs: (dom) => {
          const clauseId = (dom as Attributed).getAttribute('data-clause-id');
          return clauseId !== null && CLAUSE_ID_PATTERN.test(clauseId) ? { clauseId } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const clauseId = String(mark.attrs['clauseId']);
      return ['a', { href: clauseUri(clauseId), 'data-clause-id': clauseId }, 0];
    },
  },
} satisfies Record<string, MarkSpec>;

export const noteSchema = new Schema({ nodes, marks });
