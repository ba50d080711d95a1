// The builder: the brief's title and subtitle (or addressee), then its sections (一、), each with
// its items, which move by a drag on their handle or by Alt+↑/↓ (said aloud where they land), and
// a paragraph or a subheading added at the end of any section. Everything is saved as it changes.

import { useLayoutEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { Brief, BriefPlace, BriefSection } from '../../shared/api.ts';
import { isShortcut } from '../../shared/keymap.ts';
import { failed } from '../annotations/actions.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import type { BriefEditor } from './brief-store.ts';
import { Field } from './Field.tsx';
import { ItemBody } from './ItemBody.tsx';
import { sectionNumber } from './numbering.ts';
import { dropPlace, endOf, stepPlace } from './order.ts';

const EMPTY_TEXT = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Where a dragged item would land: before or after an item, or at the end of a section. */
type Drop = { itemId: string; after: boolean } | { sectionId: string };
const sameDrop = (a: Drop | null, b: Drop): boolean => (a !== null && 'itemId' in a && 'itemId' in b ? a.itemId === b.itemId && a.after === b.after : a !== null && 'sectionId' in a && 'sectionId' in b && a.sectionId === b.sectionId);

interface Props {
  brief: Brief;
  editor: BriefEditor;
}

export function BriefBuilder({ brief, editor }: Props): ReactNode {
  const { t } = useI18n();
  const [said, say] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<Drop | null>(null);
  // A paragraph just added takes the keys.
  const [fresh, setFresh] = useState<string | null>(null);
  // The item a key moved keeps the focus wherever it lands (React moves its element).
  const focusAfter = useRef<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    focusAfter.current = null;
    list.current?.querySelector<HTMLElement>(`[data-item-id="${id}"]`)?.focus();
  });

  const announce = (place: BriefPlace): void => {
    const section = brief.sections.findIndex((s) => s.id === place.sectionId);
    say(t.briefs.movedTo.replace('{section}', String(section + 1)).replace('{index}', String((place.index ?? 0) + 1)));
  };
  const move = (itemId: string, place: BriefPlace | null, focus: boolean): void => {
    if (!place) {
      say(t.briefs.cannotMove);
      return;
    }
    if (focus) focusAfter.current = itemId;
    announce(place);
    editor.move(itemId, place).catch(failed);
  };
  const step = (itemId: string, by: -1 | 1): void => move(itemId, stepPlace(brief.sections, itemId, by), true);

  const onDragOver = (e: DragEvent, target: Drop): void => {
    if (!dragging) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!sameDrop(drop, target)) setDrop(target);
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    if (dragging && drop) move(dragging, 'itemId' in drop ? dropPlace(brief.sections, dragging, drop.itemId, drop.after) : endOf(brief.sections, dragging, drop.sectionId), false);
    setDragging(null);
    setDrop(null);
  };
  let numbered = 0;

  return (
    <div className="brief-sheet-edit" ref={list}>
      <BriefHead brief={brief} editor={editor} />
      {brief.sections.every((s) => s.items.length === 0) && <p className="brief-empty">{t.briefs.empty}</p>}
      {brief.sections.map((s, si) => (
        <section
          key={s.id}
          className={`brief-section${drop && 'sectionId' in drop && drop.sectionId === s.id ? ' drop-end' : ''}`}
          aria-label={`${t.briefs.section} ${si + 1}`}
          onDragOver={(e) => {
            // Over the section's heading or its empty space (an item says where itself).
            if (!(e.target instanceof Element && e.target.closest('.brief-item'))) onDragOver(e, { sectionId: s.id });
          }}
          onDrop={onDrop}
        >
          <SectionHead section={s} number={s.heading ? sectionNumber(numbered++) : ''} editor={editor} removable={brief.sections.length > 1} />
          <ol className="brief-items">
            {s.items.map((item, i) => {
              const first = si === 0 && i === 0;
              const last = si === brief.sections.length - 1 && i === s.items.length - 1;
              const mark = drop && 'itemId' in drop && drop.itemId === item.id ? (drop.after ? ' drop-after' : ' drop-before') : '';
              return (
                <li
                  key={item.id}
                  className={`brief-item item-${item.kind}${dragging === item.id ? ' dragging' : ''}${mark}`}
                  data-item-id={item.id}
                  tabIndex={0}
                  aria-label={t.briefs.item[item.kind]}
                  // Once the new paragraph has the keys it is new no more (a regrouping remounts it).
                  onFocus={() => fresh === item.id && setFresh(null)}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget && !e.altKey) return;
                    const by = isShortcut(e, 'brief.up') ? -1 : isShortcut(e, 'brief.down') ? 1 : 0;
                    if (by === 0) return;
                    e.preventDefault();
                    step(item.id, by);
                  }}
                  onDragOver={(e) => {
                    const r = e.currentTarget.getBoundingClientRect();
                    onDragOver(e, { itemId: item.id, after: e.clientY > r.top + r.height / 2 });
                  }}
                >
                  <span
                    className="item-handle"
                    draggable
                    role="img"
                    aria-label={t.briefs.drag}
                    title={t.briefs.drag}
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', item.id);
                      const row = e.currentTarget.closest('li');
                      if (row) e.dataTransfer.setDragImage(row, 12, 12);
                      setDragging(item.id);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setDrop(null);
                    }}
                  >
                    ⋮⋮
                  </span>
                  <div className="item-body">
                    <ItemBody item={item} editor={editor} autoFocus={fresh === item.id} />
                  </div>
                  <div className="item-actions">
                    <button type="button" title={`${t.briefs.moveUp} (Alt+↑)`} aria-label={t.briefs.moveUp} disabled={first} onClick={() => step(item.id, -1)}>
                      ↑
                    </button>
                    <button type="button" title={`${t.briefs.moveDown} (Alt+↓)`} aria-label={t.briefs.moveDown} disabled={last} onClick={() => step(item.id, 1)}>
                      ↓
                    </button>
                    <button type="button" className="danger" onClick={() => void editor.removeItem(item.id).then(() => toasts.show({ message: t.briefs.removed }, 3000), failed)}>
                      {t.briefs.remove}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <AddBar section={s} editor={editor} onText={setFresh} />
        </section>
      ))}
      <div className="brief-add">
        <button type="button" onClick={() => void editor.addSection('').catch(failed)}>
          + {t.briefs.addSection}
        </button>
      </div>
      <p className="brief-hint">{t.briefs.keysHint}</p>
      <p className="visually-hidden" aria-live="assertive">
        {said}
      </p>
    </div>
  );
}
/** A paragraph or a subheading at the end of a section; `onText`: the new paragraph's id. */
function AddBar({ section, editor, onText }: { section: BriefSection; editor: BriefEditor; onText: (id: string) => void }): ReactNode {
  const { t } = useI18n();
  const [heading, setHeading] = useState<string | null>(null);
  const place = { sectionId: section.id, index: section.items.length };
  return (
    <div className="brief-add">
      <button
        type="button"
        onClick={() =>
          void editor.add([{ kind: 'text', note: EMPTY_TEXT }], place).then(([id]) => {
            if (id) onText(id);
          }, failed)
        }
      >
        + {t.briefs.addText}
      </button>
      {heading === null ? (
        <button type="button" onClick={() => setHeading('')}>
          + {t.briefs.addHeading}
        </button>
      ) : (
        <input
          autoFocus
          className="brief-new-heading"
          value={heading}
          placeholder={t.briefs.headingPlaceholder}
          aria-label={t.briefs.addHeading}
          onChange={(e) => setHeading(e.target.value)}
          onBlur={() => setHeading(null)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setHeading(null);
            if (e.key !== 'Enter' || !heading.trim()) return;
            editor.add([{ kind: 'heading', text: heading.trim() }], place).catch(failed);
            setHeading(null);
          }}
        />
      )}
    </div>
  );
}

/** The title and the subtitle or addressee, saved when the field is left or Enter is pressed. */
function BriefHead({ brief, editor }: Props): ReactNode {
  const { t } = useI18n();
  const save = (field: 'title' | 'subtitle', value: string): void => {
    const v = value.trim();
    if (field === 'title' && (v === '' || v === brief.title)) return;
    if (field === 'subtitle' && v === (brief.subtitle ?? '')) return;
    editor.update(field === 'title' ? { title: v } : { subtitle: v || null }).catch(failed);
  };
  return (
    <header className="brief-head">
      <Field key={`t:${brief.title}`} className="brief-title-input" label={t.briefs.titleLabel} initial={brief.title} placeholder={t.briefs.untitled} onSave={(v) => save('title', v)} />
      <Field key={`s:${brief.subtitle ?? ''}`} className="brief-subtitle-input" label={t.briefs.subtitle} initial={brief.subtitle ?? ''} placeholder={t.briefs.subtitlePlaceholder} onSave={(v) => save('subtitle', v)} />
    </header>
  );
}

function SectionHead({ section, number, editor, removable }: { section: BriefSection; number: string; editor: BriefEditor; removable: boolean }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="section-head">
      <span className="section-number">{number}</span>
      <Field
        key={`h:${section.heading}`}
        className="section-heading-input"
        label={t.briefs.sectionPlaceholder}
        initial={section.heading}
        placeholder={t.briefs.sectionPlaceholder}
        onSave={(v) => v.trim() !== section.heading && void editor.renameSection(section.id, v.trim()).catch(failed)}
      />
      {removable && (
        <button type="button" className="section-remove" onClick={() => void editor.removeSection(section.id).catch(failed)}>
          {t.briefs.removeSection}
        </button>
      )}
    </div>
  );
}
