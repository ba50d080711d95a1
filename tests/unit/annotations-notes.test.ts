// Notes: the ProseMirror schema on prosemirror-model alone, read back from JSON with validation,
// their plain text for search and the CLI, their HTML for exports, and the size limit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { toggleMark } from 'prosemirror-commands';
import { wrapInList } from 'prosemirror-schema-list';
import {
  linkedClauses,
  MAX_NOTE_BYTES,
  noteFromJSON,
  noteFromText,
  noteSchema,
  noteText,
  noteToHTML,
  parseNote,
} from '../../shared/notes/index.ts';
import { documentsOf, documentTitled, MEASURES_SEED } from '../fixtures/annotations-seeds.ts';

const measures = documentTitled(documentsOf(MEASURES_SEED), '若干措施').clauses;
const talent = measures.find((c) => c.text.startsWith('便利专业人才跨境流动'));
const quote = '支持外国人才来穗创新创业';
const s = noteSchema;

/** A note as the editor would save it: bold, italic, a bullet list, an ordered list, a break, a clause link. */
function sampleNote(clauseId: string): ReturnType<typeof s.node> {
  const p = (...content: ReturnType<typeof s.text>[]): ReturnType<typeof s.node> => s.node('paragraph', null, content);
  return s.node('doc', null, [
    s.node('paragraph', null, [s.text('要点：', [s.mark('strong')]), s.text(quote, [s.mark('em')]), s.node('hard_break'), s.text('对照 '), s.text('第（四）条', [s.mark('clause_link', { clauseId })])]),
    s.node('bullet_list', null, [s.node('list_item', null, [p(s.text('人才认定'))]), s.node('list_item', null, [p(s.text('职业资格 <认可>'))])]),
    s.node('ordered_list', { order: 3 }, [s.node('list_item', null, [p(s.text('出入境便利'))])]),
  ]);
}

test('a note round-trips through JSON with every kind of node and mark', () => {
  assert.ok(talent);
  const note = sampleNote(talent.id);
  const back = noteFromJSON(JSON.parse(JSON.stringify(note.toJSON())));
  assert.ok(back.eq(note));
  assert.deepEqual(linkedClauses(back), [talent.id]);
});

test('plain text keeps the words, lines and list markers; HTML is escaped and links carry the clause', () => {
  assert.ok(talent);
  const note = sampleNote(talent.id);
  assert.equal(noteText(note), `要点：${quote}\n对照 第（四）条\n- 人才认定\n- 职业资格 <认可>\n3. 出入境便利`);
  assert.equal(noteText(note.toJSON()), noteText(note));
  const html = noteToHTML(note);
  assert.ok(html.startsWith(`<p><strong>要点：</strong><em>${quote}</em><br>对照 <a href="clauseway://c/${talent.id}" data-clause-id="${talent.id}">第（四）条</a></p>`), html);
  assert.ok(html.includes('<li><p>职业资格 &lt;认可&gt;</p></li>'));
  assert.ok(html.includes('<ol start="3">'));
});

test("the editor's own commands work on the schema without a view", () => {
  let state = EditorState.create({ doc: noteFromText(`${quote}\n第二行`) });
  const run = (cmd: Command): void => {
    assert.ok(cmd(state, (tr) => { state = state.apply(tr); }));
  };
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 3)));
  run(toggleMark(s.marks.strong));
  run(wrapInList(s.nodes.bullet_list));
  const saved = noteFromJSON(state.doc.toJSON());
  assert.equal(saved.firstChild?.type.name, 'bullet_list');
  const bold = saved.nodeAt(3);
  assert.equal(bold?.text, quote.slice(0, 2));
  assert.deepEqual(bold.marks.map((m) => m.type.name), ['strong']);
  assert.equal(noteText(saved).split('\n')[0], `- ${quote}`);
});

test('garbage is refused with a message that says what is wrong', () => {
  assert.throws(() => noteFromJSON(null), /must be a ProseMirror document object/);
  assert.throws(() => noteFromJSON([1, 2]), /must be a ProseMirror document object/);
  assert.throws(() => noteFromJSON({ type: 'paragraph' }), /type must be "doc"/);
  assert.throws(() => noteFromJSON({ type: 'doc', content: [{ type: 'table' }] }), /not a valid note: .*table/);
  assert.throws(() => noteFromJSON({ type: 'doc', content: [{ type: 'bullet_list', content: [{ type: 'text', text: 'x' }] }] }), /not a valid note/);
  assert.throws(() => noteFromJSON({ type: 'doc', content: [] }), /not a valid note/);
  const badLink = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'clause_link', attrs: { clauseId: '"><script>' } }] }] }] };
  assert.throws(() => noteFromJSON(badLink), /clause link needs a clause id/);
  assert.throws(() => parseNote('{"type": "doc",'), /not JSON/);
});

test('a 10 MB note is refused before it is parsed; one just under the limit is taken', () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  assert.throws(() => noteFromText(big), /the note is 10\.0 MB; a note may hold up to 1\.0 MB/);
  const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: big }] }] };
  assert.throws(() => noteFromJSON(json), /10\.0 MB/);
  assert.throws(() => parseNote(JSON.stringify(json)), /10\.0 MB/);
  const fits = noteFromText('条'.repeat(Math.floor((MAX_NOTE_BYTES - 200) / 3)));
  assert.equal(noteText(noteFromJSON(fits.toJSON())).length, Math.floor((MAX_NOTE_BYTES - 200) / 3));
});
