import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatonCore } from '../host/BatonCore';
import { parseLaunchOptions } from '../host/launchOptions';
import { contentSecurityPolicy } from '../host/webHost';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { loadWindowState, trackWindowState } from './windowState';

const here = dirname(fileURLToPath(import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
let core: BatonCore | undefined;

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy()],
      },
    });
  });
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...(state.centre ? { width: state.bounds.width, height: state.bounds.height } : state.bounds),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Baton',
    backgroundColor: '#f7f7f8',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererFile);
  return window;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => core?.close());

  // `npm start` puts our flags after a `--`; a packaged app gets them directly.
  const separator = process.argv.indexOf('--');
  const argv =
    separator >= 0
      ? process.argv.slice(separator + 1)
      : app.isPackaged
        ? process.argv.slice(1)
        : [];

  app
    .whenReady()
    .then(() => {
      const options = parseLaunchOptions(argv);
      const workspacePath = argv.some((arg) => arg.startsWith('--db'))
        ? options.workspacePath
        : join(app.getPath('userData'), 'workspace.baton.db');
      core = new BatonCore({
        workspacePath,
        mode: 'desktop',
        nativeBinding: process.env.BATON_SQLITE_BINDING || undefined,
      });
      hardenContents();
      registerIpc(core, rendererFile);
      Menu.setApplicationMenu(buildMenu());
      createWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Baton could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}

start();
