// The wasm split by page (src/ui/split.rs, scripts/split-wasm.mjs), in real
// Chromium: home is interactive from the main module alone, the pages'
// chunks follow, a deep link fetches the question's chunk with the main
// module, and a chunk that cannot be fetched gets a clear message with
// "Try again".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, openApp, PHONE, screenshot, serverAndBrowser } from './support.mjs';

const env = serverAndBrowser();
const CHUNKS = /\/(split|chunk)_\w+-[0-9a-f]+\.wasm$/;
// Without the service worker, whose cache would answer before any route.
const NO_SW = { serviceWorkers: 'block' };
const bare = (url) => url.split('/').pop().replace(/-[0-9a-f]{16}(?=[._-])/, '');

describe('the wasm split by page', () => {
  test('home is interactive with every page chunk held back; the pages open once they come', async () => {
    const held = [];
    let released = false;
    const session = await openApp(env, '', PHONE, {
      ...NO_SW,
      init: ({ context }) => context.route(CHUNKS, (route) => (released ? route.continue() : held.push(route))),
    });
    const { page } = session;
    await page.waitForFunction(() => performance.getEntriesByName('opsdrill:home-interactive').length > 0);
    await page.getByRole('link', { name: /Browse all \d+ questions/ }).waitFor();
    assert.ok(held.length > 0, 'the practice chunk was asked for after home rendered');
    await page.goto(`${env.server.base}#/settings`);
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Settings' }).count(), 0, 'Settings waits for its chunk');
    released = true;
    for (const route of held.splice(0)) await route.continue();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.goto(`${env.server.base}#/practice`);
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await finish(session);
  });

  test('a deep link fetches the question page\'s chunk with the main module, before the JS import, each module once', async () => {
    const started = [];
    const session = await openApp(env, '#/q/alert-fatigue', PHONE, {
      ...NO_SW,
      init: ({ page }) => page.on('request', (r) => started.push(r.url())),
    });
    await session.page.getByRole('heading', { name: 'Why they ask' }).waitFor();
    const order = started.map(bare);
    const practice = order.indexOf('split_practice.wasm');
    const js = order.indexOf('opsdrill.js');
    assert.ok(practice >= 0 && js >= 0, order.join(', '));
    assert.ok(practice < js, `the practice chunk is asked for before the JS import: ${order.join(', ')}`);
    const modules = started.filter((url) => CHUNKS.test(url));
    assert.equal(new Set(modules).size, modules.length, `each module fetched once: ${modules.map(bare).join(', ')}`);
    await finish(session);
  });

  test('the banners and the page stay the same elements while the user works (not drawn again)', async () => {
    const session = await openApp(env, '#/settings', PHONE);
    const { page } = session;
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('opsdrill/marks', '{');
    });
    await page.reload();
    const banner = page.getByRole('button', { name: 'Export the unreadable data' });
    await banner.waitFor();
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    const answer = page.getByRole('textbox', { name: 'Your answer' });
    await answer.waitFor();
    // Mark both, then write: the first edit since an export changes the
    // settings (the backup reminder), and the answer is saved.
    await page.evaluate(() => {
      document.querySelector('main#main h1').dataset.mark = 'page';
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export the unreadable data').dataset.mark = 'banner';
    });
    await answer.fill('Typed while the banner is up.');
    await page.waitForFunction(() => localStorage.getItem('opsdrill/answer/alert-fatigue')?.includes('Typed while'));
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.querySelector('main#main h1').dataset.mark), 'page', 'the page was not drawn again');
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export the unreadable data')?.dataset.mark), 'banner', 'the banner was not drawn again');
    await finish(session);
  });

  test('a page whose chunk cannot be fetched says so and offers "Try again"; then it opens', async () => {
    const SETTINGS = /\/split_settings-[0-9a-f]+\.wasm$/;
    const session = await openApp(env, '', PHONE, {
      ...NO_SW,
      init: ({ context }) => context.route(SETTINGS, (route) => route.abort('internetdisconnected')),
    });
    const { page, context, problems } = session;
    await page.goto(`${env.server.base}#/settings`);
    const alert = page.getByRole('alert').filter({ hasText: 'This page of OpsDrill could not be loaded' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /the network request failed\. Your answers are safe/);
    // The rest of the app goes on working.
    await page.goto(`${env.server.base}#/practice`);
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.goto(`${env.server.base}#/settings`);
    await alert.waitFor();
    await screenshot(page, 'chunk-failed-360', { fullPage: false });
    await context.unroute(SETTINGS);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.equal(await alert.count(), 0);
    // The aborted request is logged by the browser (and by the split
    // loader); nothing else went wrong.
    problems.splice(0, problems.length, ...problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/.test(p)));
    await finish(session);
  });
});
