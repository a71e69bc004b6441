// The bank's text as a file of its own, in real Chromium: pages that do not
// show it do not wait for it, a question shows its heading at once and its
// sections when the text is in, a deep link fetches it alongside the wasm,
// and a failed or damaged file gets a clear message with "Try again".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, finish, openApp, PHONE, screenshot, serverAndBrowser } from './support.mjs';

const env = serverAndBrowser();
const BANK = '**/bank-*.bin';
// Without the service worker, whose cache would answer before any route.
const NO_SW = { serviceWorkers: 'block' };

/** Holds every request for the bank file until `release()`. */
async function holdBank(context) {
  const held = [];
  let released = false;
  await context.route(BANK, (route) => (released ? route.continue() : held.push(route)));
  return {
    held,
    async release() {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

describe('the bank text file', () => {
  test('home, Practice, Progress, Settings and Stories do not wait for it; a question shows its heading, then its sections', async () => {
    let hold;
    const session = await openApp(env, '', PHONE, { ...NO_SW, init: async ({ context }) => { hold = await holdBank(context); } });
    const { page } = session;
    for (const hash of ['#/practice', '#/progress', '#/settings', '#/stories']) {
      await page.goto(`${env.server.base}${hash}`);
      await page.locator('main#main h1').waitFor();
    }
    assert.ok(hold.held.length >= 1, 'the bank was asked for after the first page');
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    await page.getByRole('heading', { level: 1, name: /drowning in alerts/ }).waitFor();
    await page.getByText('Loading the question bank…').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Why they ask' }).count(), 0);
    await hold.release();
    await page.getByRole('heading', { name: 'Why they ask' }).waitFor();
    assert.equal(await page.getByText('Loading the question bank…').count(), 0);
    await finish(session);
  });

  test('a deep link fetches the bank alongside the wasm, before the app has started', async () => {
    const started = [];
    const session = await openApp(env, '#/q/alert-fatigue', PHONE, {
      ...NO_SW,
      init: ({ page }) => page.on('request', (r) => started.push(r.url().split('/').pop())),
    });
    const order = started.map((name) => name.replace(/-[0-9a-f]+(?=[._])/, ''));
    const bank = order.findIndex((n) => n === 'bank.bin');
    const wasm = order.findIndex((n) => n === 'opsdrill_bg.wasm');
    const js = order.findIndex((n) => /^opsdrill\.js$/.test(n));
    assert.ok(bank >= 0 && wasm >= 0 && js >= 0, order.join(', '));
    assert.ok(bank < js && wasm < js, `the bank and the wasm are asked for before the JS import: ${order.join(', ')}`);
    assert.equal(order.filter((n) => n === 'bank.bin').length, 1, 'fetched once: the app takes the loader\'s');
    await session.page.getByRole('heading', { name: 'Why they ask' }).waitFor();
    await finish(session);
  });

  test('a failed fetch and a damaged file each say so and offer "Try again"', async () => {
    const session = await openApp(env, '', PHONE, {
      ...NO_SW,
      init: ({ context }) => context.route(BANK, (route) => route.abort('internetdisconnected')),
    });
    const { page, context, problems } = session;
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    const alert = page.getByRole('alert').filter({ hasText: 'The question bank could not be loaded' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /the network request failed\. Your answers are safe/);
    await screenshot(page, 'bank-failed-360', { fullPage: false });
    // Damaged: the right name, other bytes.
    await context.unroute(BANK);
    await context.route(BANK, (route) => route.fulfill({ status: 200, body: Buffer.from('not the bank') }));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('alert').filter({ hasText: 'the download was cut off, or the file is damaged' }).waitFor();
    // And then it works.
    await context.unroute(BANK);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Why they ask' }).waitFor();
    // The aborted request is logged by the browser; nothing else went wrong.
    problems.splice(0, problems.length, ...problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)));
    await finish(session);
  });

  test('searching before the text is in finds by question text, and by talking points after', async () => {
    let hold;
    const session = await openApp(env, '#/questions', PHONE, { ...NO_SW, init: async ({ context }) => { hold = await holdBank(context); } });
    const { page } = session;
    const search = page.getByRole('searchbox', { name: 'Search questions' });
    // A phrase from a talking point only (not a question's text or topic).
    await search.fill('runbook');
    const before = await page.locator('.question-list li').count();
    await hold.release();
    await page.waitForFunction((n) => document.querySelectorAll('.question-list li').length > n, before);
    await finish(session);
  });
});
