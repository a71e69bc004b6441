// Firefox and WebKit for the end-to-end tests, behind one small interface so
// that one test file runs in both:
//  - Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over
//    WebDriver BiDi;
//  - WebKit through WebKitGTK: WebKitWebDriver drives MiniBrowser, under a
//    private Xvfb display, with plain W3C WebDriver HTTP calls.
// A session offers: goto, reload, evaluate (a function and JSON arguments,
// returning JSON), click, type, select, waitFor, screenshot, errors, close.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { freePort, screenshotDir } from './support.mjs';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Collects uncaught errors and console.error in the page; installed before
// the app's scripts in Firefox, and after each navigation in WebKit (see
// `webkit`). A Rust panic shows as both.
function recordErrors() {
  if (window.__pageErrors) return;
  window.__pageErrors = [];
  addEventListener('error', (e) => window.__pageErrors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__pageErrors.push(`unhandled rejection: ${e.reason}`));
  const original = console.error;
  console.error = (...args) => {
    window.__pageErrors.push(`console.error: ${args.join(' ')}`);
    original.apply(console, args);
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (in Node) until it returns something truthy. */
async function until(check, what, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

/**
 * Waits until `where()` (an element's box, as a string) is the same twice in a
 * row, 150 ms apart. Both drivers click at an element's position, and a page
 * drawn from a wasm chunk can still move a moment after its heading is there
 * (another part of it arriving), so a click at once can land beside it.
 */
async function untilStill(where, what) {
  let last = await where();
  await until(async () => {
    await sleep(150);
    const now = await where();
    const still = now === last;
    last = now;
    return still;
  }, `${what} to stay where it is`);
}

/**
 * The shared part of a session: waits, screenshots and the error record on
 * top of evaluate. Each navigation first collects the leaving page's errors.
 */
function withHelpers(session) {
  const collected = [];
  const harvest = async () => {
    collected.push(...((await session.evaluate(() => window.__pageErrors ?? []).catch(() => [])) ?? []));
  };
  const { goto, reload } = session;
  return Object.assign(session, {
    async goto(url) {
      await harvest();
      await goto(url);
    },
    async reload() {
      await harvest();
      await reload();
    },
    /** Waits until `fn(...args)` in the page returns something truthy; returns it. */
    waitFor(fn, args = [], what = fn.toString(), timeout) {
      return until(() => session.evaluate(fn, ...args), what, timeout);
    },
    /** Waits until the app (not the static shell) has rendered. */
    appReady() {
      return session.waitFor(() => !document.getElementById('shell') && !!document.querySelector('main#main h1'), [], 'the app to mount', 30_000);
    },
    async screenshot(name) {
      mkdirSync(screenshotDir, { recursive: true });
      writeFileSync(path.join(screenshotDir, `${name}.png`), await session.png());
    },
    /** Uncaught errors and console errors recorded in every page so far. */
    async errors() {
      await harvest();
      return [...(session.ownErrors ?? []), ...collected.splice(0)];
    },
  });
}

/** Firefox ESR through puppeteer-core (WebDriver BiDi). */
export async function firefox({ width, height }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Downloads would ask where to save: the tests read the file from the page instead.
    // A fake microphone (a tone) with no permission prompt, for recording.
    extraPrefsFirefox: {
      'browser.download.useDownloadDir': true,
      'browser.download.dir': '/tmp',
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await page.evaluateOnNewDocument(recordErrors);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  const session = {
    engine: 'firefox',
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await page.reload();
    },
    // (An element returned from page JS arrives as undefined in this mode:
    // return strings, numbers and booleans.)
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    async click(selector) {
      await page.click(selector);
    },
    async clickText(text, tag = 'button') {
      const handle = await until(() => page.$(`::-p-xpath(//${tag}[normalize-space()=${JSON.stringify(text)}])`), `${tag} "${text}"`);
      await untilStill(() => handle.evaluate((e) => JSON.stringify(e.getBoundingClientRect())), `"${text}"`);
      await handle.click();
    },
    async type(selector, text) {
      await page.click(selector);
      await page.type(selector, text);
    },
    async select(selector, value) {
      await page.select(selector, value);
    },
    png: () => page.screenshot(),
    ownErrors: pageErrors,
    async close() {
      await browser.close();
    },
  };
  return withHelpers(session);
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, under a private Xvfb.
 * With `frame` (a page holding `<iframe id="app">` of width x height, on the
 * app's origin), the app runs in that frame: MiniBrowser's window cannot be
 * made narrower than its toolbar.
 */
export async function webkit({ width, height, frame }) {
  const children = [];
  const stopAll = () => children.forEach((c) => c.kill());
  try {
    // Xvfb picks a free display and writes its number to fd 3.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    children.push(xvfb);
    const display = await new Promise((resolve, reject) => {
      xvfb.stdio[3].once('data', (d) => resolve(`:${String(d).trim()}`));
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
    const port = await freePort();
    const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
    children.push(driver);
    const base = `http://127.0.0.1:${port}`;
    const call = async (method, route, body) => {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await response.json();
      if (!response.ok || json.value?.error) {
        throw new Error(`WebDriver ${method} ${route}: ${json.value?.error} ${json.value?.message}`);
      }
      return json.value;
    };
    await until(() => fetch(`${base}/status`).then((r) => r.ok), 'WebKitWebDriver to start');
    const created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          // Mock capture devices: a fake microphone, for recording.
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER,
            args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'],
          },
        },
      },
    });
    const id = `/session/${created.sessionId}`;
    const find = (using, value) =>
      until(() => call('POST', `${id}/element`, { using, value }).catch(() => null), `element ${value}`).then((e) => e[ELEMENT]);
    const evaluate = (fn, ...args) =>
      call('POST', `${id}/execute/async`, {
        script: `const done = arguments[arguments.length - 1];
          Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
            .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`,
        args,
      }).then((r) => {
        if (r.error) throw new Error(r.error);
        return r.ok;
      });
    let iframe = null;
    const toTop = () => call('POST', `${id}/frame`, { id: null });
    const toApp = () => call('POST', `${id}/frame`, { id: { [ELEMENT]: iframe } });
    if (frame) {
      await call('POST', `${id}/window/rect`, { width: width + 200, height: height + 200 });
      await call('POST', `${id}/url`, { url: frame });
      iframe = await find('css selector', '#app');
    } else {
      // The viewport, not the window, must be width x height: MiniBrowser's
      // own frame is measured and added.
      await call('POST', `${id}/window/rect`, { width, height });
      const inner = await evaluate(() => [innerWidth, innerHeight]);
      await call('POST', `${id}/window/rect`, { width: width + (width - inner[0]), height: height + (height - inner[1]) });
    }
    // WebDriver classic has no way to run a script before the page's own,
    // so the recorder is installed right after each navigation: an error
    // thrown while the app starts is caught by appReady (it never mounts)
    // rather than by the recorder.
    const afterNavigation = () => evaluate(recordErrors);
    const session = {
      engine: 'webkit',
      async goto(url) {
        if (!iframe) {
          await call('POST', `${id}/url`, { url });
        } else {
          // A fresh document each time, as a typed URL would give.
          await toTop();
          await evaluate((to) => new Promise((resolve) => {
            const app = document.getElementById('app');
            app.onload = () => {
              if (app.src === to) resolve(true);
              else app.src = to;
            };
            app.src = 'about:blank';
          }), url);
          await toApp();
        }
        await afterNavigation();
      },
      async reload() {
        if (!iframe) {
          await call('POST', `${id}/refresh`, {});
        } else {
          await evaluate(() => {
            window.__leaving = true;
            setTimeout(() => location.reload(), 0);
          });
          await until(() => evaluate(() => !window.__leaving && document.readyState === 'complete').catch(() => false), 'the reload');
        }
        await afterNavigation();
      },
      evaluate,
      async click(selector) {
        await call('POST', `${id}/element/${await find('css selector', selector)}/click`, {});
      },
      async clickText(text, tag = 'button') {
        const element = await find('xpath', `//${tag}[normalize-space()=${JSON.stringify(text)}]`);
        await untilStill(() => evaluate((e) => JSON.stringify(e.getBoundingClientRect()), { [ELEMENT]: element }), `"${text}"`);
        await call('POST', `${id}/element/${element}/click`, {});
      },
      async type(selector, text) {
        const element = await find('css selector', selector);
        await call('POST', `${id}/element/${element}/click`, {});
        await call('POST', `${id}/element/${element}/value`, { text });
      },
      async select(selector, value) {
        await session.click(`${selector} option[value="${value}"]`);
      },
      async png() {
        if (!iframe) return Buffer.from(await call('GET', `${id}/screenshot`), 'base64');
        // The whole test page: the frame at its top left, white beside it.
        // (An element screenshot of the frame comes out with its top black.)
        await toTop();
        const shot = await call('GET', `${id}/screenshot`);
        await toApp();
        return Buffer.from(shot, 'base64');
      },
      async close() {
        await call('DELETE', id).catch(() => {});
        stopAll();
      },
    };
    return withHelpers(session);
  } catch (error) {
    stopAll();
    throw error;
  }
}
