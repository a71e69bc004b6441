// Installable and offline: Chromium's own installability check, the app
// working with no network after one visit, the update banner, and a
// Content-Security-Policy that holds over a walk through every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appReady, distDir, finish, openApp, PHONE, serveDist, serverAndBrowser } from './support.mjs';

const env = serverAndBrowser();

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

describe('installable, offline, locked down', () => {
  test('Chromium reports no installability errors', async () => {
    const session = await openApp(env);
    const { page, context } = session;
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const errors = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
    assert.deepEqual(errors, []);
    const manifest = await (await fetch(new URL('manifest.webmanifest', env.server.base))).json();
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    await finish(session);
  });

  test('after one visit, a deep link works offline and an answer typed offline survives a reload', async () => {
    const failed = [];
    const session = await openApp(env, '', PHONE, { init: ({ page }) => page.on('requestfailed', (r) => failed.push(r.url())) });
    const { page, context } = session;
    await controlled(page);

    await context.setOffline(true);
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: /drowning in alerts/ }).waitFor();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Typed on a train with no signal.');
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'Typed on a train with no signal.');
    await page.goto(`${env.server.base}#/questions`);
    await page.getByRole('searchbox', { name: 'Search questions' }).fill('terraform');
    assert.ok((await page.locator('.question-list li').count()) > 0);
    assert.deepEqual(failed, [], 'no request failed while offline');
    await finish(session);
  });

  test('a new version shows "Update available"; Reload saves the draft first', async () => {
    // A copy of dist/ whose service worker we can change, as a deploy would.
    const dir = mkdtempSync(path.join(tmpdir(), 'opsdrill-dist-'));
    cpSync(distDir, dir, { recursive: true });
    const own = await serveDist(dir);
    try {
      const session = await openApp({ browser: env.browser, server: own }, '#/q/alert-fatigue');
      const { page } = session;
      await controlled(page);

      const sw = path.join(dir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const CACHE = "([^"]+)"/, 'const CACHE = "$1-next"'));
      await page.getByRole('textbox', { name: 'Your answer' }).fill('A draft typed just before the update.');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.getByText('Update available.').waitFor();
      // The app does not reload by itself.
      await page.waitForTimeout(500);
      assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'A draft typed just before the update.');

      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Reload' }).click(),
      ]);
      await appReady(page);
      assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'A draft typed just before the update.');
      const caches = await page.evaluate(() => caches.keys());
      assert.equal(caches.length, 1, `old caches deleted: ${caches}`);
      assert.match(caches[0], /-next$/);
      await finish(session);
    } finally {
      own.stop();
    }
  });

  test('no Content-Security-Policy violation over a walk through the app', async () => {
    const recordViolations = () => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    };
    const session = await openApp(env, '', undefined, { init: ({ context }) => context.addInitScript(recordViolations) });
    const { page } = session;
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(!/unsafe-inline|unsafe-eval'/.test(csp.replace("'wasm-unsafe-eval'", '')), csp);
    const violations = [];
    for (const hash of ['', '#/questions', '#/q/alert-fatigue', '#/practice', '#/progress', '#/settings', '#/q/nope']) {
      await page.goto(`${env.server.base}${hash}`);
      await page.reload();
      await appReady(page);
      if (hash === '#/q/alert-fatigue') {
        await page.getByRole('textbox', { name: 'Your answer' }).fill('CSP check.');
        await page.getByRole('button', { name: 'Show model answer' }).click();
        await page.getByRole('button', { name: /Good/ }).click();
      }
      violations.push(...(await page.evaluate(() => window.__cspViolations)));
    }
    assert.deepEqual(violations, []);
    await finish(session);
  });
});
