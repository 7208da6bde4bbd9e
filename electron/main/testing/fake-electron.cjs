// A stand-in for the 'electron' module, used only by index.smoke.test.ts: the Electron binary cannot run here, so
// the bundled main process runs in Node against this. It records what main does, plays one short session (IPC
// from the app page and from a foreign page, a link, a move, quitting) and prints the record as one JSON line.
const { EventEmitter } = require('node:events');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const userData = process.env.FAKE_ELECTRON_USER_DATA;
const record = {
  calls: [],
  windows: [],
  handlers: [],
  answers: {},
  opened: [],
  windowOpen: [],
  state: null,
  appMenu: [],
  trayMenu: [],
};
const call = (name) => record.calls.push(name);

class App extends EventEmitter {
  isPackaged = true;
  requestSingleInstanceLock = () => true;
  whenReady = () => Promise.resolve();
  getPath = () => userData;
  getVersion = () => '0.0.0-test';
  quit = () => call('app.quit');
  exit = (code) => call(`app.exit ${code}`);
}
const app = new App();

class WebContents extends EventEmitter {
  id = 1;
  isDestroyed = () => false;
  send = () => undefined;
  setWindowOpenHandler = (handler) => (this.windowOpenHandler = handler);
}

class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows = () => BrowserWindow.all;
  constructor(options) {
    super();
    record.windows.push(options);
    this.webContents = new WebContents();
    app.emit('web-contents-created', {}, this.webContents);
    BrowserWindow.all.push(this);
  }
  loadURL(url) {
    record.loaded = url;
    setTimeout(() => this.emit('ready-to-show'), 0);
    return Promise.resolve();
  }
  show = () => call('window.show');
  hide = () => call('window.hide');
  maximize = () => call('window.maximize');
  getBounds = () => ({ x: 40, y: 30, width: 1000, height: 700 });
  getNormalBounds = () => this.getBounds();
  isMaximized = () => false;
  isMinimized = () => false;
  focus = () => undefined;
  restore = () => undefined;
  setBackgroundColor = () => undefined;
}

const handlers = new Map();
const ipcMain = Object.assign(new EventEmitter(), {
  handle: (channel, listener) => handlers.set(channel, listener),
  removeHandler: (channel) => handlers.delete(channel),
});
const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

// Menus are kept as their templates, labels only, so the test can read what main built.
const labelsOf = (template) =>
  template.map((item) =>
    item.submenu
      ? { label: item.label ?? item.role, submenu: labelsOf(item.submenu) }
      : (item.label ?? item.role ?? item.type),
  );
const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (record.appMenu = labelsOf(menu.template)),
};
class Tray extends EventEmitter {
  constructor(image) {
    super();
    record.trayIcon = image.path;
  }
  setContextMenu = (menu) => (record.trayMenu = labelsOf(menu.template));
  setToolTip = (text) => (record.trayTooltip = text);
  setImage = (image) => (record.trayIcon = image.path);
  destroy = () => call('tray.destroy');
}
class Notification extends EventEmitter {
  static isSupported = () => true;
  show = () => call('notification.show');
}

module.exports = {
  app,
  BrowserWindow,
  ipcMain,
  nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'unset' }),
  Menu,
  Tray,
  Notification,
  nativeImage: { createFromPath: (path) => ({ path }) },
  dialog: {
    showMessageBox: () => Promise.resolve({ response: 0 }),
    showOpenDialog: (window, options) => {
      record.openDialog = { modal: window instanceof BrowserWindow, properties: options.properties };
      return Promise.resolve({ canceled: false, filePaths: ['/home/me/app'] });
    },
  },
  screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => call('csp header') },
      setPermissionRequestHandler: (handler) => handler({}, 'media', (granted) => call(`media granted ${granted}`)),
      setPermissionCheckHandler: () => call('permission check handler'),
    },
  },
  shell: { openExternal: (url) => Promise.resolve(void record.opened.push(url)) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => (record.privilegedSchemes = schemes),
    handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
  },
};
const protocolHandlers = new Map();

async function play() {
  const [window] = BrowserWindow.all;
  record.handlers = [...handlers.keys()];
  const contents = window.webContents;
  const ask = (url) => handlers.get('engine:status')({ sender: contents, senderFrame: { url, parent: null } });
  record.answers.app = await ask(record.loaded);
  // What the app: scheme answers: the page with its CSP header, and nothing outside the renderer folder.
  record.served = [];
  for (const url of [record.loaded, 'app://berth/%2e%2e/%2e%2e/package.json', 'app://elsewhere/index.html']) {
    const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    const response = handler ? await handler({ url }) : null;
    record.served.push({
      url,
      status: response?.status ?? 0,
      csp: response?.headers.get('content-security-policy') ?? '',
      body: response ? (await response.text()).slice(0, 40) : '',
    });
  }
  record.answers.foreign = await ask('https://evil.example/');
  const frame = { url: record.loaded, parent: null };
  const request = (channel, input) => handlers.get(channel)({ sender: contents, senderFrame: frame }, input);
  record.answers.capabilities = await request('desktop:capabilities', undefined);
  record.answers.folder = await request('desktop:pickFolder', { title: 'Choose the build context' });
  for (const url of ['https://docs.docker.com/', 'file:///etc/passwd']) {
    record.windowOpen.push(contents.windowOpenHandler({ url }).action);
  }
  window.emit('move');
  record.themeSource = module.exports.nativeTheme.themeSource;
  // Closing hides the window to the tray (the default setting) until the app quits.
  window.emit('close', { preventDefault: () => call('close prevented') });
  app.emit('before-quit');
  window.emit('close', { preventDefault: () => call('close prevented') });
  app.emit('window-all-closed');
  app.emit('will-quit', { preventDefault: () => call('quit held') });
  // The held quit ends with a second app.quit once state and backend are done.
  const waitUntil = Date.now() + 5000;
  while (record.calls.filter((c) => c === 'app.quit').length < 2 && Date.now() < waitUntil) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  record.state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'));
  record.handlersAfterQuit = [...handlers.keys()];
  process.stdout.write(`${JSON.stringify(record)}\n`);
  process.exit(0);
}

app.once('web-contents-created', () => setTimeout(() => void play(), 50));
