// A bare Chrome DevTools Protocol driver for the log benchmark. Playwright turns on the Network domain in every
// page it drives and so copies every WebSocket frame to the harness: measured here, that doubles Chromium's CPU
// time for the bridge's traffic (about 2.8 s instead of 1.4 s for 91 MB) and adds half a CPU second to the
// harness, none of which a user's browser or Electron pays. This driver enables only Page, Runtime and
// Performance, and does its waiting inside the page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Every page is measured as the one in front: no throttled timers or skipped frames for a tab behind another.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--window-size=1280,800',
  '--remote-debugging-port=0',
];

/** Launches Chromium; resolves once its DevTools endpoint is known. */
export async function launchChromium(executable = '/usr/bin/chromium') {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const child = spawn(executable, [...ARGS, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${err.slice(-500)}`)));
  });
  child.stderr.resume();
  const ws = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const connection = new Connection(ws);
  return {
    pid: child.pid,
    newPage: async () => {
      const { targetId } = await connection.send('Target.createTarget', { url: 'about:blank', newWindow: true });
      const { sessionId } = await connection.send('Target.attachToTarget', { targetId, flatten: true });
      const page = new CdpPage(connection, sessionId, targetId);
      await page.send('Page.enable');
      await page.send('Performance.enable');
      await page.send('Page.bringToFront');
      await page.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      return page;
    },
    close: async () => {
      await connection.send('Browser.close').catch(() => undefined);
      ws.close();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

class Connection {
  constructor(ws) {
    this.ws = ws;
    this.next = 1;
    this.pending = new Map();
    this.events = new Set();
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.id === undefined) {
        for (const listener of this.events) listener(msg);
        return;
      }
      const call = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) call?.reject(new Error(`${call.method}: ${msg.error.message}`));
      else call?.resolve(msg.result);
    });
  }

  send(method, params = {}, sessionId) {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
  }
}

export class CdpPage {
  constructor(connection, sessionId, targetId) {
    this.connection = connection;
    this.sessionId = sessionId;
    this.targetId = targetId;
  }

  close() {
    return this.connection.send('Target.closeTarget', { targetId: this.targetId });
  }

  send(method, params) {
    return this.connection.send(method, params, this.sessionId);
  }

  /** Runs a script in every document this page loads from now on, before the page's own. */
  addInitScript(fn) {
    return this.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${fn})();` });
  }

  async goto(url) {
    const loaded = new Promise((resolve) => {
      const listener = (msg) => {
        if (msg.sessionId === this.sessionId && msg.method === 'Page.loadEventFired') {
          this.connection.events.delete(listener);
          resolve();
        }
      };
      this.connection.events.add(listener);
    });
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** Calls `fn(arg)` in the page and returns its (awaited) value. */
  async evaluate(fn, arg) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  async heap() {
    const { metrics } = await this.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  }
}
