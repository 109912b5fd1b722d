/**
 * Opens a local HTML file in headless Chromium (the OS package) over the DevTools protocol on a
 * pipe, with scripts disabled and every network route closed, and reports what the page asked
 * for. No npm browser driver: the protocol is JSON messages separated by NUL bytes on fds 3/4.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';

export interface RenderedPage {
  /** The DOM after load, serialised. */
  html: string;
  /** Every request the page made apart from loading the file itself. */
  requests: string[];
  /** Full page height in CSS pixels. */
  height: number;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

class Cdp {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) !== -1) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error.message));
          else waiter?.resolve(message.result ?? {});
        } else {
          for (const listener of this.listeners) listener(message);
        }
      }
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(listener: (m: Message) => void): void {
    this.listeners.push(listener);
  }

  waitFor(method: string, sessionId: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
      this.on((m) => {
        if (m.method === method && m.sessionId === sessionId) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }
}

/** Asks the browser to close; kills its process group (our own child's) if it does not within 5 s. */
async function closeBrowser(browser: ChildProcess, cdp: Cdp): Promise<void> {
  if (browser.exitCode !== null || browser.signalCode !== null) return;
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  cdp.send('Browser.close').catch(() => undefined);
  const timer = setTimeout(() => {
    if (browser.pid !== undefined) process.kill(-browser.pid, 'SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

export function chromiumPath(): string {
  return process.env.CHROMIUM ?? 'chromium';
}

/** Paper sizes in inches, as Page.printToPDF takes them. */
export const PAPER = { A4: { paperWidth: 8.27, paperHeight: 11.69 }, Letter: { paperWidth: 8.5, paperHeight: 11 } } as const;

/**
 * Loads `file` and returns its DOM and requests; with `screenshot`, writes a full-page PNG there;
 * with `pdf`, prints the page (print stylesheet) to that path on `paper` (A4 unless given).
 */
export async function renderOffline(
  file: string,
  options: { screenshot?: string; pdf?: string; paper?: keyof typeof PAPER; width?: number } = {},
): Promise<RenderedPage> {
  const profile = mkdtempSync(join(tmpdir(), 'assay-chromium-'));
  const browser: ChildProcess = spawn(
    chromiumPath(),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      // No route out even if the page tried: a dead proxy and a resolver that knows no names.
      '--proxy-server=127.0.0.1:9',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      'about:blank',
    ],
    // Its own process group, so that on a hang the browser and its helpers go together.
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
  );
  let stderr = '';
  browser.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) => browser.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${stderr.slice(-2000)}`))));
  exited.catch(() => undefined);
  const cdp = new Cdp(browser.stdio[3] as Writable, browser.stdio[4] as Readable);
  const url = pathToFileURL(file).href;
  try {
    const run = async (): Promise<RenderedPage> => {
      const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const requests: string[] = [];
      cdp.on((m) => {
        if (m.sessionId === sessionId && m.method === 'Network.requestWillBeSent') {
          const request = (m.params as { request: { url: string } }).request;
          if (request.url !== url) requests.push(request.url);
        }
      });
      await cdp.send('Network.enable', {}, sessionId);
      await cdp.send('Page.enable', {}, sessionId);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: options.width ?? 1280, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
      const loaded = cdp.waitFor('Page.loadEventFired', sessionId, 30_000);
      await cdp.send('Page.navigate', { url }, sessionId);
      await loaded;
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1 }, sessionId)) as { root: { nodeId: number } };
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: root.nodeId }, sessionId)) as { outerHTML: string };
      const metrics = (await cdp.send('Page.getLayoutMetrics', {}, sessionId)) as { cssContentSize: { width: number; height: number } };
      const height = Math.ceil(metrics.cssContentSize.height);
      if (options.screenshot) {
        const shot = (await cdp.send(
          'Page.captureScreenshot',
          { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: options.width ?? 1280, height, scale: 1 } },
          sessionId,
        )) as { data: string };
        writeFileSync(options.screenshot, Buffer.from(shot.data, 'base64'));
      }
      if (options.pdf) {
        const printed = (await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, ...PAPER[options.paper ?? 'A4'] }, sessionId)) as { data: string };
        writeFileSync(options.pdf, Buffer.from(printed.data, 'base64'));
      }
      return { html: outerHTML, requests, height };
    };
    return await Promise.race([run(), exited]);
  } finally {
    await closeBrowser(browser, cdp);
    // Helper processes may still be flushing the profile for a moment after the browser exits.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
