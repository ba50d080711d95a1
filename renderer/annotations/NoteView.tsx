// A saved note shown as it was written (paragraphs, bold, italic, lists, links to clauses) without
// loading the editor: the note's JSON, node by node, into React elements. Text is never HTML.
// Anything outside the note schema (shared/notes/schema.ts) is shown as its text alone.

import type { ReactNode } from 'react';
import type { NoteJSON } from '../../shared/api.ts';

interface JsonNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
  marks?: unknown;
  attrs?: unknown;
}

const nodesOf = (value: unknown): JsonNode[] => (Array.isArray(value) ? value.filter((n): n is JsonNode => typeof n === 'object' && n !== null) : []);
const attr = (node: JsonNode, name: string): unknown => (typeof node.attrs === 'object' && node.attrs !== null ? (node.attrs as Record<string, unknown>)[name] : undefined);

function text(node: JsonNode, key: number, onOpenClause: (clauseId: string) => void): ReactNode {
  let out: ReactNode = typeof node.text === 'string' ? node.text : '';
  for (const mark of nodesOf(node.marks).reverse()) {
    if (mark.type === 'strong') out = <strong>{out}</strong>;
    else if (mark.type === 'em') out = <em>{out}</em>;
    else if (mark.type === 'clause_link') {
      const clauseId = attr(mark, 'clauseId');
      if (typeof clauseId === 'string') {
        out = (
          <a
            href={`#/c/${clauseId}`}
            data-clause-id={clauseId}
            onClick={(e) => {
              e.preventDefault();
              e.stopPropagation();
              onOpenClause(clauseId);
            }}
          >
            {out}
          </a>
        );
      }
    }
  }
  return <span key={key}>{out}</span>;
}

function render(node: JsonNode, key: number, onOpenClause: (clauseId: string) => void): ReactNode {
  const children = (): ReactNode[] => nodesOf(node.content).map((n, i) => render(n, i, onOpenClause));
  switch (node.type) {
    case 'text':
      return text(node, key, onOpenClause);
    case 'hard_break':
      return <br key={key} />;
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'bullet_list':
      return <ul key={key}>{children()}</ul>;
    case 'ordered_list': {
      const order = Number(attr(node, 'order') ?? 1);
      return (
        <ol key={key} start={Number.isFinite(order) ? order : 1}>
          {children()}
        </ol>
      );
    }
    case 'list_item':
      return <li key={key}>{children()}</li>;
    default:
      return <span key={key}>{children()}</span>;
  }
}

export function NoteView({ note, onOpenClause }: { note: NoteJSON; onOpenClause: (clauseId: string) => void }): ReactNode {
  return <div className="note-view">{nodesOf((note as JsonNode).content).map((n, i) => render(n, i, onOpenClause))}</div>;
}
