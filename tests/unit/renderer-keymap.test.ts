// The one keymap: key matching, the menu's accelerators, the help line, and the window's dispatch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES } from '../../shared/i18n.ts';
import { accelerator, HELP_SHORTCUTS, isShortcut, matches, SHORTCUTS, type KeyPress } from '../../shared/keymap.ts';
import { helpLine } from '../../renderer/app/help-line.ts';
import { createKeymap } from '../../renderer/app/keymap.ts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

test('keys match as written: Mod is Ctrl or ⌘, other modifiers must be as stated', () => {
  assert.ok(matches(press('f', { ctrlKey: true }), 'Mod+F'));
  assert.ok(matches(press('F', { metaKey: true, shiftKey: true }), 'Mod+F'));
  assert.ok(!matches(press('f'), 'Mod+F'));
  assert.ok(matches(press('/'), '/'));
  assert.ok(!matches(press('/', { ctrlKey: true }), '/'));
  assert.ok(matches(press('j'), 'j') && !matches(press('J', { shiftKey: true }), 'j'));
  assert.ok(matches(press('ArrowLeft', { altKey: true }), 'Alt+ArrowLeft'));
  assert.ok(!matches(press('ArrowLeft'), 'Alt+ArrowLeft') && !matches(press('ArrowLeft', { altKey: true }), 'ArrowLeft'));
  assert.ok(matches(press('Enter', { shiftKey: true }), 'Shift+Enter') && !matches(press('Enter', { shiftKey: true }), 'Enter'));
  assert.ok(isShortcut(press('ArrowDown'), 'clause.next') && isShortcut(press('k'), 'clause.previous'));
});

test('every shortcut has one id and a name in both languages; no two window keys collide', () => {
  const ids = SHORTCUTS.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const s of SHORTCUTS) for (const lang of ['zh', 'en'] as const) assert.ok(MESSAGES[lang].keys[s.label], `${s.id} has a ${lang} name`);
  const windowKeys = SHORTCUTS.filter((s) => ['app', 'reading', 'results'].includes(s.scope)).flatMap((s) => s.keys);
  assert.equal(new Set(windowKeys).size, windowKeys.length);
});

test('the menu takes its accelerators from the keymap', () => {
  assert.equal(accelerator('menu.library'), 'CmdOrCtrl+L');
  assert.equal(accelerator('menu.search'), 'CmdOrCtrl+K');
  assert.equal(accelerator('pane.left'), 'Alt+Left');
  assert.equal(accelerator('find.previous'), 'Shift+Return');
});

test('the help line names every key of the shortcuts it lists, and reads as before', () => {
  const shown = (key: string): string[] => {
    const parts = key.split('+');
    const k = parts.pop() ?? '';
    const glyph: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };
    return [...parts.map((m) => (m === 'Mod' ? 'Ctrl' : m)), glyph[k] ?? k.toUpperCase()];
  };
  for (const h of HELP_SHORTCUTS) {
    const hint = h.hint.join(' ').toUpperCase();
    for (const s of SHORTCUTS.filter((x) => x.label === h.label)) for (const key of s.keys) for (const part of shown(key)) assert.ok(hint.includes(part.toUpperCase()), `the hint of ${h.id} names ${key} (${s.id})`);
  }
  assert.equal(helpLine(MESSAGES.zh), '快捷键：/ 搜索 · Ctrl+F 查找 · ↑↓ 或 j/k 逐条 · Alt+←/→ 切换栏 · L 关联条文');
  assert.equal(helpLine(MESSAGES.en), 'Keys: / search · Ctrl+F find · ↑↓ or j/k clause by clause · Alt+←/→ switch pane · L cross-links');
});

test('the window gives a key to the newest handler that takes it, and keeps text fields for typing', () => {
  const keymap = createKeymap<KeyPress>();
  const calls: string[] = [];
  const stopOld = keymap.register({ 'clause.next': () => void calls.push('old') });
  const stopNew = keymap.register({ 'clause.next': () => (calls.push('new: passes'), false), 'find.open': () => void calls.push('find') });
  assert.equal(keymap.dispatch(press('j'), false), true);
  assert.deepEqual(calls, ['new: passes', 'old']);
  // j in a text field is a letter; Ctrl+F there still opens find.
  assert.equal(keymap.dispatch(press('j'), true), false);
  assert.equal(keymap.dispatch(press('f', { ctrlKey: true }), true), true);
  // Keys of one control (the find bar's Enter) and of the menu are not the window's.
  assert.equal(keymap.dispatch(press('Enter'), false), false);
  assert.equal(keymap.dispatch(press('l', { ctrlKey: true }), false), false);
  stopNew();
  stopOld();
  assert.equal(keymap.dispatch(press('j'), false), false);
  assert.deepEqual(calls, ['new: passes', 'old', 'find']);
});
