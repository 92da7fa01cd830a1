import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/contract/contract';

/** Sends a menu command to the focused window's renderer, which runs it like a shortcut. */
function send(command: MenuCommand) {
  return () => BrowserWindow.getFocusedWindow()?.webContents.send('menu.invoked', { command });
}

/** The native menu with the accelerators people expect. */
export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Flow', accelerator: 'CmdOrCtrl+N', click: send('newFlow') },
        { label: 'New Map', accelerator: 'CmdOrCtrl+Shift+N', click: send('newMap') },
        { type: 'separator' },
        { label: 'Save Version', accelerator: 'CmdOrCtrl+S', click: send('saveVersion') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Fit Diagram', accelerator: 'Shift+1', click: send('fitView') },
        { type: 'separator' },
        {
          label: 'Flows and Maps List',
          accelerator: 'CmdOrCtrl+B',
          click: send('toggleSidebar'),
        },
        { label: 'Palette Names', accelerator: 'CmdOrCtrl+Alt+P', click: send('togglePalette') },
        {
          label: 'Properties Panel',
          accelerator: 'CmdOrCtrl+Alt+B',
          click: send('toggleProperties'),
        },
        { label: 'Problems Panel', accelerator: 'CmdOrCtrl+J', click: send('toggleProblems') },
        { label: 'Runs Dashboard', accelerator: 'CmdOrCtrl+Shift+R', click: send('toggleRuns') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `Baton ${app.getVersion()}`, enabled: false }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
