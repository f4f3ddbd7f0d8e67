import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * The app under test: E2E_BASE_URL when given, else `npm start` on a fresh embedded
 * database in a temporary directory (it builds first when the build is missing or stale).
 * `settings` override the environment (the benchmarks point it at PostgreSQL).
 */
export async function startApp(settings: Record<string, string> = {}): Promise<{ baseUrl: string; processGroup?: number; output(): string; stop(): Promise<void> }> {
  if (process.env.E2E_BASE_URL && Object.keys(settings).length === 0) return { baseUrl: process.env.E2E_BASE_URL, output: () => '', stop: async () => {} };
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-app-'));
  // The fixed test secrets of vitest.config.ts are dropped: the app generates its own, as on a fresh machine.
  // The tests count the cases they make: no year of demo history.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, ONEWINDOW_MODE: 'demo', ONEWINDOW_DEMO_HISTORY: 'off' };
  for (const name of ['AUTH_SECRET', 'DATA_KEY', 'DATABASE_URL', 'NODE_ENV']) delete env[name];
  Object.assign(env, settings);
  const child: ChildProcess = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  return {
    baseUrl,
    // Its own process group (detached): the benchmarks sum the CPU time of every process in it.
    processGroup: child.pid,
    output: () => output,
    async stop() {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`app did not become healthy:\n${output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export const phoneViewport = { width: 390, height: 844 };
export const laptopViewport = { width: 1366, height: 800 };

export async function signIn(context: BrowserContext, baseUrl: string, username: string, password: string, landing: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('账号或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}${landing}`);
  await pageReady(page);
  return page;
}

/**
 * After a client-side navigation the URL changes while the page's loading skeleton shows;
 * the page is there once its title is (skeletons have none).
 */
export async function pageReady(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** The whole page, or with `fullPage: false` what the screen shows (a dialog over the page). */
export function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync('tests/e2e/screenshots', { recursive: true });
  return page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage });
}

/**
 * One browser for a test file, opened before its tests and closed after them with every
 * context it handed out.
 */
export function sharedBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  return {
    async newContext(viewport: { width: number; height: number } = laptopViewport): Promise<BrowserContext> {
      const context = await browser!.newContext({ viewport });
      contexts.push(context);
      return context;
    },
  };
}

/** A raw tRPC call from a page's signed-in context (setting up what other tests cover in the UI). */
export async function apiMutation(page: Page, path: string, input: unknown) {
  const res = await page.context().request.post(`${new URL(page.url()).origin}/api/trpc/${path}`, { data: { json: input } });
  if (res.status() !== 200) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()).result.data.json;
}

export async function apiQuery(page: Page, path: string, input?: unknown) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await page.context().request.get(`${new URL(page.url()).origin}/api/trpc/${path}${query}`);
  if (res.status() !== 200) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()).result.data.json;
}
