// Shared by the end-to-end tests: serve dist/ with a plain static file server
// (python3 -m http.server, no rewrite rules) and drive Debian's Chromium.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(root, 'test-output', 'screenshots');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server did not answer at ${url}`);
}

// OPSDRILL_DIST lets parallel builds test their own output.
export const distDir = process.env.OPSDRILL_DIST ? path.resolve(process.env.OPSDRILL_DIST) : path.join(root, 'dist');

/** Starts a static server on dist/ (or `dir`) and returns its base URL and a stop(). */
export async function serveDist(dir = distDir) {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base, Date.now() + 10_000);
  return { base, stop: () => server.kill() };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new page that records console errors, page errors (a Rust panic shows up
 * as one) and requests to any origin other than the app's.
 */
export async function newPage(browser, base, viewport = { width: 1280, height: 800 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(base).origin;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`foreign request: ${url}`);
  });
  return { context, page, problems };
}

/** Waits until the app (not the static shell) has rendered. */
export async function appReady(page) {
  await page.waitForSelector('#shell', { state: 'detached' });
  await page.waitForSelector('main#main h1');
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/**
 * For one test file: serves dist/ and launches Chromium before its tests and
 * stops both after. `env.server` and `env.browser` are set once tests run.
 */
export function serverAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}
