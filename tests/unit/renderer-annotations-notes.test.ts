// Writing notes: the autosave (debounced, one save at a time, always the newest text, a flush that
// waits, a durable send when the page goes away, a failure kept for the next try), the editor's
// commands over the note schema (lists toggled and switched, marks, links to clauses, breaks), the
// keys bound from the keymap, and the clause links a reader pastes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { NoteJSON } from '../../shared/api.ts';
import { noteFromJSON, noteText } from '../../shared/notes/index.ts';
import { noteSchema } from '../../shared/notes/schema.ts';
import { clauseIdOfLink } from '../../renderer/annotations/clause-link.ts';
import { commands, isEmptyNote, linkAt, linkClause, listActive, markActive, noteKeys } from '../../renderer/annotations/note-commands.ts';
import { createNoteSaver } from '../../renderer/annotations/note-saver.ts';

/** Timers run by hand. */
function clock() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    later: (ms: number, run: () => void) => {
      const t = { at: now + ms, run };
      timers.push(t);
      return () => {
        const i = timers.indexOf(t);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    advance: (ms: number) => {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
    },
  };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const doc = (text: string): NoteJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('autosave waits for a pause, sends one save at a time, and always the newest text', async () => {
  const c = clock();
  const saves: { text: string; durable: boolean; finish: () => void }[] = [];
  const save = (note: NoteJSON | null, durable: boolean): Promise<void> =>
    new Promise((resolve) => saves.push({ text: note ? noteText(note) : '', durable, finish: resolve }));
  const busy: boolean[] = [];
  const saver = createNoteSaver(save, { delay: 500, later: c.later, onBusy: (b) => busy.push(b) });
  saver.change(doc('a'));
  c.advance(300);
  saver.change(doc('ab'));
  c.advance(300);
  assert.equal(saves.length, 0, 'typing goes on: nothing saved yet');
  c.advance(200);
  assert.deepEqual(saves.map((s) => s.text), ['ab']);
  // More typing while the save is in flight: it waits for that save, then sends the newest.
  saver.change(doc('abc'));
  saver.change(doc('abcd'));
  c.advance(500);
  await settle();
  assert.equal(saves.length, 1, 'one save at a time');
  saves[0]?.finish();
  await settle();
  assert.deepEqual(saves.map((s) => s.text), ['ab', 'abcd']);
  saves[1]?.finish();
  await settle();
  assert.equal(saver.busy(), false);
  assert.deepEqual(busy, [true, false]);
});

test('a flush saves at once and resolves when every save has landed; leaving sends durably at once', async () => {
  const c = clock();
  const saves: { text: string; durable: boolean; finish: () => void }[] = [];
  const save = (note: NoteJSON | null, durable: boolean): Promise<void> =>
    new Promise((resolve) => saves.push({ text: note ? noteText(note) : '', durable, finish: resolve }));
  const saver = createNoteSaver(save, { delay: 500, later: c.later });
  saver.change(doc('first'));
  let flushed = false;
  const f = saver.flush().then(() => (flushed = true));
  assert.deepEqual(saves.map((s) => s.text), ['first'], 'no wait for the pause');
  await settle();
  assert.equal(flushed, false, 'the flush waits for the save');
  saves[0]?.finish();
  await f;
  assert.equal(flushed, true);

  // The page goes away with a save in flight: the newest text leaves at once, durably.
  saver.change(doc('second'));
  c.advance(500);
  saver.change(doc('second and last'));
  saver.flushNow();
  assert.deepEqual(saves.map((s) => [s.text, s.durable]), [['first', false], ['second', false], ['second and last', true]]);
  c.advance(1000);
  assert.equal(saves.length, 3, 'nothing left to send');
  saver.flushNow();
  assert.equal(saves.length, 3);
  // An emptied note is saved as no note.
  const empty: (NoteJSON | null)[] = [];
  const s2 = createNoteSaver((n) => (empty.push(n), Promise.resolve()), { later: c.later });
  s2.change(null);
  await s2.flush();
  assert.deepEqual(empty, [null]);
});

test('a failed save keeps its text for the next try', async () => {
  const c = clock();
  let failing = true;
  const saved: string[] = [];
  const errors: unknown[] = [];
  const saver = createNoteSaver(
    (note) => {
      if (failing) return Promise.reject(new Error('the engine is not answering'));
      saved.push(note ? noteText(note) : '');
      return Promise.resolve();
    },
    { delay: 100, later: c.later, onError: (e) => errors.push(e) },
  );
  saver.change(doc('kept'));
  await saver.flush();
  assert.equal(errors.length, 1);
  assert.equal(saver.busy(), true, 'the text is still pending');
  failing = false;
  await saver.flush();
  assert.deepEqual(saved, ['kept']);
  assert.equal(saver.busy(), false);
});

const stateOf = (json: NoteJSON): EditorState => EditorState.create({ schema: noteSchema, doc: noteFromJSON(json) });
const apply = (state: EditorState, command: (s: EditorState, d: (tr: EditorState['tr']) => void) => boolean): EditorState => {
  let next = state;
  assert.ok(command(state, (tr) => (next = state.apply(tr))));
  return next;
};

test('lists: one button makes a list, turns it into the other kind, and lifts it back', () => {
  let s = stateOf({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第一项' }] }] });
  s = apply(s, commands.bullets);
  assert.equal(noteText(s.doc), '- 第一项');
  assert.ok(listActive(s, noteSchema.nodes.bullet_list));
  s = apply(s, commands.numbers);
  assert.equal(noteText(s.doc), '1. 第一项');
  assert.ok(listActive(s, noteSchema.nodes.ordered_list) && !listActive(s, noteSchema.nodes.bullet_list));
  s = apply(s, commands.numbers);
  assert.equal(noteText(s.doc), '第一项');
  noteFromJSON(s.doc.toJSON());
});

test('bold on a selection, a link to a clause, the empty note, and the keys from the keymap', () => {
  let s = stateOf(doc('要点在此'));
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 1, 3)));
  assert.equal(markActive(s, noteSchema.marks.strong), false);
  s = apply(s, commands.bold);
  assert.ok(markActive(s, noteSchema.marks.strong));
  const id = '0123456789ab-0123456789';
  s = apply(s, linkClause(id, '第六章 第三节'));
  assert.equal(linkAt(s), id);
  // With nothing selected, the link is inserted with the clause's citation as its words.
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, s.doc.content.size - 1)));
  s = apply(s, linkClause(id, '第六章 第三节'));
  assert.equal(noteText(s.doc), '要点在此第六章 第三节');
  const html = JSON.stringify(s.doc.toJSON());
  assert.match(html, /"strong"/);
  assert.match(html, /"clause_link","attrs":\{"clauseId":"0123456789ab-0123456789"\}/);
  assert.ok(isEmptyNote(stateOf({ type: 'doc', content: [{ type: 'paragraph' }] }).doc));
  assert.ok(!isEmptyNote(s.doc));
  const keys = Object.keys(noteKeys());
  for (const k of ['Mod-b', 'Mod-i', 'Mod-Shift-8', 'Mod-Shift-9', 'Mod-z', 'Mod-Shift-z', 'Mod-y', 'Enter', 'Shift-Enter', 'Tab', 'Shift-Tab']) assert.ok(keys.includes(k), k);
});

test('clause links as pasted: the desktop address, this page\'s address, or the bare id', () => {
  const id = '6a4f0c2e91b3-5d0e8a7f12';
  assert.equal(clauseIdOfLink(`clauseway://c/${id}`), id);
  assert.equal(clauseIdOfLink(`http://127.0.0.1:5123/#/c/${id}`), id);
  assert.equal(clauseIdOfLink(`  ${id} `), id);
  assert.equal(clauseIdOfLink('https://example.org/'), null);
  assert.equal(clauseIdOfLink(`clauseway://c/${id}x`), null);
  assert.equal(clauseIdOfLink(''), null);
});
