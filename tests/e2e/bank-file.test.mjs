// The bank's text in files of its own (chunks of whole questions), in real
// Chromium: pages that do not show it do not wait for it, a question shows
// its heading at once and its sections when its chunk is in, a deep link
// fetches that chunk alongside the wasm, and a failed or damaged file gets a
// clear message with "Try again".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { appReady, distDir, finish, openApp, PHONE, screenshot, serverAndBrowser } from './support.mjs';

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
    await session.page.getByRole('heading', { name: 'Why they ask' }).waitFor();
    // The question's own chunk comes first and once (the app takes the
    // loader's fetch); the other chunks follow, each once.
    const first = started.find((name) => name.startsWith('bank-'));
    assert.equal(started.filter((name) => name === first).length, 1, `${first} fetched once`);
    const files = readdirSync(distDir).filter((name) => name.startsWith('bank-')).length;
    await session.page.waitForFunction((n) => performance.getEntriesByType('resource').filter((r) => r.name.includes('/bank-')).length >= n, files);
    const banks = started.filter((name) => name.startsWith('bank-'));
    assert.equal(new Set(banks).size, banks.length, 'each chunk fetched once');
    assert.equal(banks.length, files, 'every chunk fetched');
    await finish(session);
  });

  test('the other chunks arriving while an answer is typed leave it alone: same text, same focus', async () => {
    const held = [];
    let first = true;
    let passing = false;
    const session = await openApp(env, '#/q/alert-fatigue', PHONE, {
      ...NO_SW,
      init: ({ context }) => context.route(BANK, (route) => {
        // The loader's fetch, the question's own chunk, goes through.
        if (first || passing) {
          first = false;
          return route.continue();
        }
        held.push(route);
      }),
    });
    const { page } = session;
    const answer = page.getByRole('textbox', { name: 'Your answer' });
    await answer.fill('Typed while the rest of the bank loads');
    assert.ok(held.length >= 1, 'other chunks are on their way');
    passing = true;
    for (const route of held.splice(0)) await route.continue();
    await page.waitForFunction((n) => performance.getEntriesByType('resource').filter((r) => r.name.includes('/bank-')).length >= n,
      readdirSync(distDir).filter((name) => name.startsWith('bank-')).length);
    await page.waitForTimeout(300);
    // Still in the same field: the keyboard goes on where it was.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer-your-answer');
    await page.keyboard.type(', and on.');
    assert.equal(await answer.inputValue(), 'Typed while the rest of the bank loads, and on.');
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
