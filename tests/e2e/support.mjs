// Shared by the end-to-end tests: serve dist/ with a plain static file server
// (python3 -m http.server, no rewrite rules; or with OPSDRILL_GZIP=1 one that
// gzips as real hosts do, tests/gzip-server.mjs) and drive Debian's Chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(root, 'test-output', 'screenshots');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** How many questions the bank has in `category` (one Markdown file each). */
export const questionsIn = (category) =>
  readdirSync(path.join(root, 'content', 'questions', category)).filter((f) => f.endsWith('.md')).length;

/** A TCP port nothing listens on now. */
export function freePort() {
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

/**
 * Starts a static server on dist/ (or `dir`) and returns its base URL (the
 * server's root) and a stop(); `ready` is the path that answers once it runs.
 */
export async function serveDist(dir = distDir, ready = '') {
  const port = await freePort();
  const command = process.env.OPSDRILL_GZIP
    ? ['node', [path.join(root, 'tests', 'gzip-server.mjs'), dir, String(port)]]
    : ['python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir]];
  const server = spawn(...command, { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base + ready, Date.now() + 10_000);
  return { base, stop: () => server.kill() };
}

/** Debian's Chromium, headless; `extraArgs` add to its command line. */
export async function launchBrowser(extraArgs = []) {
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
      ...extraArgs,
    ],
  });
}

/**
 * A new page that records console errors, page errors (a Rust panic shows up
 * as one) and requests to any origin other than the app's.
 */
export async function newPage(browser, base, viewport = DESKTOP, options = {}) {
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
    // blob: URLs of the app's own origin are its own data (a recording played back).
    const own = url.startsWith(origin) || url.startsWith('data:') || url.startsWith(`blob:${origin}/`);
    if (!own) problems.push(`foreign request: ${url}`);
  });
  return { context, page, problems };
}

/** Waits until the app (not the static shell) has rendered. */
export async function appReady(page) {
  await page.waitForSelector('#shell', { state: 'detached' });
  await page.waitForSelector('main#main h1');
}

/**
 * Moves an open app to `url` by changing its hash, and waits for the new page.
 * A page other than home is drawn once its chunk has run, so the old heading
 * can still be there for a moment: it is marked first, and the new page is
 * the one whose heading is unmarked (or whose text changed, where the router
 * keeps the element between two pages of one route).
 */
export async function showPage(page, url) {
  const old = await page.evaluate(() => {
    const heading = document.querySelector('main#main h1');
    heading?.setAttribute('data-left', '');
    return heading?.textContent ?? null;
  });
  await page.goto(url);
  await page.waitForFunction((text) => {
    const heading = document.querySelector('main#main h1');
    return !!heading && (!heading.hasAttribute('data-left') || heading.textContent !== text);
  }, old);
}

/**
 * A new page (see newPage) on `env.server`, opened at `hash` once the app has
 * rendered. `init(session)`, if given, runs first (a fake clock, init scripts,
 * listeners); the other options go to the browser context. Returns the
 * session: { context, page, problems }.
 */
export async function openApp(env, hash = '', viewport = DESKTOP, { init, ...options } = {}) {
  const session = await newPage(env.browser, env.server.base, viewport, options);
  await init?.(session);
  await session.page.goto(`${env.server.base}${hash}`);
  await appReady(session.page);
  return session;
}

/** Closes the session's context, then fails on any problem it recorded. */
export async function finish({ context, problems }, message = 'no errors and no requests to other origins') {
  await context.close();
  assert.deepEqual(problems, [], message);
}

/** The record stored under `key` in localStorage, parsed (null when absent). */
export const storedRecord = (page, key) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

/** The localStorage keys that start with `prefix`. */
export const storedKeys = (page, prefix) =>
  page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);

/** Clicks `trigger` and returns the download it starts. */
export async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return file;
}

/** Clicks `trigger` and returns the text of the file it downloads. */
export async function downloadText(page, trigger) {
  return readFile(await (await download(page, trigger)).path(), 'utf8');
}

/** Fails if the page scrolls sideways; `what` names it in the message. */
export async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

/**
 * axe-core's violations on the page as it is now, one line each, named by
 * `name`. axe is injected as a script, so the context needs bypassCSP.
 */
export async function axeViolations(page, name) {
  // Once per document: a change of hash keeps it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/**
 * For one test file: serves dist/ and launches Chromium before its tests and
 * stops both after. `env.server` and `env.browser` are set once tests run.
 */
export function serverAndBrowser(extraArgs = []) {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launchBrowser(extraArgs);
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/**
 * An init script: a share sheet, as a phone's browser has one, that records
 * the files it is handed in `window.__shared` ({ name, type, text }).
 */
export const fakeShareSheet = ({ page }) =>
  page.addInitScript(() => {
    window.__shared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      window.__shared.push(...await Promise.all(data.files.map(async (f) => ({ name: f.name, type: f.type, text: await f.text() }))));
    };
  });
