// The application menu, in Chinese or English as the reader chose: its words come from the
// language table the renderer reads (shared/i18n.ts), its accelerators from the one keymap
// (shared/keymap.ts).

import { Menu, type MenuItemConstructorOptions } from 'electron';
import { MESSAGES, type Lang } from '../../shared/i18n.ts';
import { accelerator, shortcut, type ShortcutId } from '../../shared/keymap.ts';

type AppMenu = ReturnType<typeof Menu.buildFromTemplate>;

export interface MenuActions {
  library: () => void;
  /** Import (issue 15): the import panel. */
  import: () => void;
  search: () => void;
  print: () => void;
  savePdf: () => void;
  about: () => void;
}

export function buildMenu(lang: Lang, actions: MenuActions): AppMenu {
  const t = MESSAGES[lang];
  const m = t.menu;
  const command = (id: ShortcutId, click: () => void): MenuItemConstructorOptions => ({ label: t.keys[shortcut(id).label], accelerator: accelerator(id), click });
  const template: MenuItemConstructorOptions[] = [
    { label: m.file, submenu: [command('menu.library', actions.library), command('menu.search', actions.search), { type: 'separator' }, { label: t.importing.menuFiles, click: actions.import }, { type: 'separator' }, { label: t.daily.print, click: actions.print }, { label: t.daily.savePdf, click: actions.savePdf }, { type: 'separator' }, { label: m.quit, role: 'quit' }] },
    { label: m.edit, submenu: [{ label: m.copy, role: 'copy' }, { label: m.selectAll, role: 'selectAll' }] },
    { label: m.view, submenu: [{ label: m.reload, role: 'reload' }, { type: 'separator' }, { label: m.zoomIn, role: 'zoomIn' }, { label: m.zoomOut, role: 'zoomOut' }, { label: m.resetZoom, role: 'resetZoom' }, { type: 'separator' }, { label: m.fullscreen, role: 'togglefullscreen' }] },
    { label: m.help, submenu: [{ label: m.about, click: actions.about }] },
  ];
  return Menu.buildFromTemplate(template);
}
