// Installable and offline: Chromium's own installability check; from the
// root and from sub-folders of a plain static server (one build for all),
// the app working with no network after one visit and the update banner;
// and a Content-Security-Policy that holds over a walk through every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appReady, distDir, finish, openApp, PHONE, serveDist, serverAndBrowser } from './support.mjs';

const env = serverAndBrowser();

// Until the page is controlled and its worker has finished activating (an
// update check during "activating" may be dropped).
async function controlled(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    const active = registration.active;
    if (active.state !== 'activated') {
      await new Promise((resolve) => active.addEventListener('statechange', () => active.state === 'activated' && resolve()));
    }
  });
}

/**
 * A copy of dist/ in `folder` (e.g. "opsdrill/") of a fresh static server's
 * root, as a project page is served. Returns { base, dir, stop }.
 */
async function serveCopyUnder(folder) {
  const root = mkdtempSync(path.join(tmpdir(), 'opsdrill-root-'));
  const dir = path.join(root, folder);
  mkdirSync(dir, { recursive: true });
  cpSync(distDir, dir, { recursive: true });
  const server = await serveDist(root, folder);
  return { base: server.base + folder, dir, stop: server.stop };
}

/** The registration's workers, for a failure message. */
const workers = (page) =>
  page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return JSON.stringify({ installing: r?.installing?.state, waiting: r?.waiting?.state, active: r?.active?.state });
  });

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

  // One build for every folder: at the root, on a project page, deeper.
  for (const folder of ['', 'opsdrill/', 'a/b/c/']) {
    const where = folder ? `under /${folder}` : 'at /';
    test(`${where}: it mounts with no failed request, the worker controls its folder, and a deep link works offline`, async () => {
      const own = await serveCopyUnder(folder);
      try {
        const failed = [];
        const watch = ({ page }) => {
          // (A fetch cut short by the test's own navigation is not a failure:
          // the bank's chunks load in the background, and the next page
          // fetches what it missed.)
          page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && failed.push(`${r.url()} ${r.failure()?.errorText}`));
          page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()} ${r.status()}`));
        };
        const session = await openApp({ browser: env.browser, server: own }, '', PHONE, { init: watch });
        const { page, context } = session;
        await controlled(page);
        assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), own.base);
        const manifest = await page.evaluate(async () => {
          const href = document.querySelector('link[rel="manifest"]').href;
          return { href, start: new URL((await (await fetch(href)).json()).start_url, href).href };
        });
        assert.equal(manifest.start, own.base, 'the manifest starts the app in its folder');

        await context.setOffline(true);
        await page.goto(`${own.base}#/q/alert-fatigue`);
        await page.reload();
        await appReady(page);
        await page.getByRole('heading', { level: 1, name: /drowning in alerts/ }).waitFor();
        await page.getByRole('textbox', { name: 'Your answer' }).fill('Typed on a train with no signal.');
        await page.reload();
        await appReady(page);
        assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'Typed on a train with no signal.');
        await page.goto(`${own.base}#/questions`);
        await page.getByRole('searchbox', { name: 'Search questions' }).fill('terraform');
        await page.locator('.question-list li').first().waitFor();
        assert.match(await page.locator('.question-list').innerText(), /terraform/i);
        // The question editor (its chunk holds the bank's parser) works offline too.
        await page.goto(`${own.base}#/questions/new`);
        await page.getByLabel('Question', { exact: true }).fill('Written offline: how do you drain a node?');
        await page.getByRole('button', { name: 'Save question' }).click();
        await page.getByRole('heading', { level: 1, name: 'Written offline: how do you drain a node?' }).waitFor();
        // Sending to another device needs no network either (its chunk holds the QR encoder).
        await page.goto(`${own.base}#/send`);
        await page.getByRole('button', { name: 'Start sending' }).click();
        await page.waitForFunction(() => Number(document.querySelector('canvas.transfer-code')?.dataset.frame) >= 0);
        assert.deepEqual(failed, [], 'no request failed, online or offline');
        await finish(session);
      } finally {
        own.stop();
      }
    });

    test(`${where}: a new version shows "Update available"; Reload saves the draft first`, async () => {
      // A copy of dist/ whose service worker we can change, as a deploy would.
      const own = await serveCopyUnder(folder);
      try {
        const session = await openApp({ browser: env.browser, server: own }, '#/q/alert-fatigue');
        const { page } = session;
        await controlled(page);

        const sw = path.join(own.dir, 'sw.js');
        writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const CACHE = PREFIX \+ "([^"]+)"/, 'const CACHE = PREFIX + "$1-next"'));
        // The static server answers If-Modified-Since to the second: a file
        // changed within the second it was first served would look
        // unchanged (a 304) to the update check. A deploy's file is newer.
        const later = new Date(Date.now() + 10_000);
        utimesSync(sw, later, later);
        await page.getByRole('textbox', { name: 'Your answer' }).fill('A draft typed just before the update.');
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        await page.getByText('Update available.').waitFor().catch(async (e) => {
          throw new Error(`${e.message}\nworkers: ${await workers(page)}`);
        });
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
        assert.match(caches[0], new RegExp(`^opsdrill:/${folder}:.*-next$`));
        await finish(session);
      } finally {
        own.stop();
      }
    });
  }

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
    for (const hash of ['', '#/questions', '#/q/alert-fatigue', '#/practice', '#/progress', '#/settings', '#/send', '#/receive', '#/q/nope']) {
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
