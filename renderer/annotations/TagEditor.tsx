// An annotation's tags: each a chip that can be removed, and a field that adds one on Enter (or
// a comma); the tags already in use are offered as the field is typed into.

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';

interface Props {
  tags: string[];
  /** Tags in use in the library, offered as suggestions. */
  known: readonly string[];
  /** Saves the tags; called with every change, in order. */
  onChange: (tags: string[]) => void;
  autoFocus: boolean;
}

const MAX_TAG = 64;

export function TagEditor({ tags: saved, known, onChange: save, autoFocus }: Props): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // The tags as edited here, ahead of the saves that follow them; the saved ones when those change.
  const [tags, setTags] = useState(saved);
  useEffect(() => setTags(saved), [saved]);
  const onChange = (next: string[]): void => {
    setTags(next);
    save(next);
  };
  const input = useRef<HTMLInputElement>(null);
  const list = useId();
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const add = (raw: string): void => {
    const tag = raw.trim().replace(/[,，]+$/, '').trim().slice(0, MAX_TAG);
    setText('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="tag-editor">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          <span className="tag-name">{tag}</span>
          <button type="button" aria-label={`${t.notes.removeTag} ${tag}`} title={t.notes.removeTag} onClick={() => onChange(tags.filter((x) => x !== tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        ref={input}
        value={text}
        list={list}
        placeholder={t.notes.tagPlaceholder}
        aria-label={t.notes.tags}
        maxLength={MAX_TAG + 1}
        onChange={(e) => {
          const v = e.target.value;
          if (/[,，]$/.test(v)) add(v);
          else setText(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && tags.length > 0) onChange(tags.slice(0, -1));
        }}
        onBlur={() => add(text)}
      />
      <datalist id={list}>
        {known
          .filter((k) => !tags.includes(k))
          .map((k) => (
            <option key={k} value={k} />
          ))}
      </datalist>
    </div>
  );
}
