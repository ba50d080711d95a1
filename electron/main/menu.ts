// The application menu, in Chinese or English as the reader chose.

import { Menu, type MenuItemConstructorOptions } from 'electron';

type AppMenu = ReturnType<typeof Menu.buildFromTemplate>;

const LABELS = {
  zh: { file: '文件', quit: '退出', edit: '编辑', view: '视图', window: '窗口', help: '帮助', library: '文库', search: '搜索', reload: '重新载入', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullscreen: '全屏', copy: '复制', selectAll: '全选', about: '关于条文通' },
  en: { file: 'File', quit: 'Quit', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', library: 'Library', search: 'Search', reload: 'Reload', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Actual size', fullscreen: 'Full screen', copy: 'Copy', selectAll: 'Select all', about: 'About Clauseway' },
};

export function buildMenu(lang: 'zh' | 'en', actions: { library: () => void; search: () => void; about: () => void }): AppMenu {
  const l = LABELS[lang];
  const template: MenuItemConstructorOptions[] = [
    { label: l.file, submenu: [{ label: l.library, accelerator: 'CmdOrCtrl+L', click: actions.library }, { label: l.search, accelerator: 'CmdOrCtrl+K', click: actions.search }, { type: 'separator' }, { label: l.quit, role: 'quit' }] },
    { label: l.edit, submenu: [{ label: l.copy, role: 'copy' }, { label: l.selectAll, role: 'selectAll' }] },
    { label: l.view, submenu: [{ label: l.reload, role: 'reload' }, { type: 'separator' }, { label: l.zoomIn, role: 'zoomIn' }, { label: l.zoomOut, role: 'zoomOut' }, { label: l.resetZoom, role: 'resetZoom' }, { type: 'separator' }, { label: l.fullscreen, role: 'togglefullscreen' }] },
    { label: l.help, submenu: [{ label: l.about, click: actions.about }] },
  ];
  return Menu.buildFromTemplate(template);
}
