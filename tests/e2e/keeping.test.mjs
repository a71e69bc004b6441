// Keeping the user's data where browsers evict it, in real Chromium:
// persistent storage asked for once there is something to keep, what
// OpsDrill uses of the 5 MB localStorage budget, the banner at 80%, and the
// largest profile that can still be imported into a full store (measured
// against Chromium's real quota, written to test-output/import-limit.txt).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appReady, download, finish, openApp, PHONE, screenshot, serverAndBrowser, storedRecord } from './support.mjs';

const env = serverAndBrowser();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MB = 1024 * 1024;

/** Every bank item's id (one Markdown file each). */
const ids = readdirSync(path.join(root, 'content', 'questions'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(root, 'content', 'questions', d.name)))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

// Records `navigator.storage.persist()` calls; grants from the second call.
function fakePersist() {
  window.__persistCalls = 0;
  let granted = false;
  Object.defineProperty(navigator.storage, 'persist', {
    value: async () => {
      window.__persistCalls += 1;
      granted = window.__persistCalls > 1;
      return granted;
    },
  });
  Object.defineProperty(navigator.storage, 'persisted', { value: async () => granted });
}

/**
 * Stores answers of about `total` UTF-16 units in all, as the app writes
 * them; false when storage cannot hold that much.
 */
function storeProfile(page, total) {
  return page.evaluate(({ all, total }) => {
    localStorage.clear();
    const each = Math.floor(total / all.length);
    try {
      all.forEach((id, i) => {
        const key = `opsdrill/answer/${id}`;
        const shell = JSON.stringify({ version: 1, text: '', updated_ms: 1_000 + i });
        const text = `Answer ${i}: `.padEnd(Math.max(0, each - key.length - shell.length), 'x');
        localStorage.setItem(key, JSON.stringify({ version: 1, text, updated_ms: 1_000 + i }));
      });
      return true;
    } catch {
      localStorage.clear();
      return false;
    }
  }, { all: ids, total });
}

/** Every stored answer with text: its key, text and time, as one string. */
const answersStored = (page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).filter((k) => k.startsWith('opsdrill/answer/')).sort()
    .map((k) => { const { text, updated_ms } = JSON.parse(localStorage.getItem(k)); return [k, text, updated_ms]; })
    .filter(([, text]) => text)));

/** What the app's keys and values take, in UTF-16 units. */
const used = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('opsdrill/')).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));

describe('data the browser keeps', () => {
  test('persistent storage is asked for after the first answer, and again from Settings', async () => {
    const session = await openApp(env, '#/q/alert-fatigue', PHONE, { init: ({ context }) => context.addInitScript(fakePersist) });
    const { page } = session;
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not before anything is written');
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Something worth keeping.');
    await page.getByRole('textbox', { name: 'Your answer' }).blur();
    await page.waitForFunction(() => window.__persistCalls === 1);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Something worth keeping, edited.');
    await page.getByRole('textbox', { name: 'Your answer' }).blur();
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked once');

    await page.goto(`${env.server.base}#/settings`);
    await page.getByText(/^Storage is not persistent/).waitFor();
    const expected = await used(page);
    const shown = await page.locator('#storage-used').innerText();
    const kb = Math.ceil(expected / 1024);
    assert.match(shown, new RegExp(`^Local storage: OpsDrill uses ${kb} KB \\(0%\\) of the about 5 MB`), shown);
    await page.getByRole('button', { name: 'Ask the browser to keep this data' }).click();
    await page.getByText(/^Storage is persistent/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ask the browser to keep this data' }).count(), 0);
    await finish(session);
  });

  test('at 80% of the budget a banner offers a backup; nothing is dropped', async () => {
    const session = await openApp(env, '', PHONE);
    const { page } = session;
    await storeProfile(page, 4.1 * MB);
    const before = await used(page);
    await page.reload();
    await appReady(page);
    const banner = page.locator('.banner').filter({ hasText: 'Storage is nearly full' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /\(8[0-9]%\) used/);
    await banner.getByRole('button', { name: 'Export backup' }).waitFor();
    await screenshot(page, 'storage-nearly-full-360', { fullPage: false });
    const backup = await download(page, banner.getByRole('button', { name: 'Export backup' }));
    assert.match(backup.suggestedFilename(), /^opsdrill-backup-/);
    assert.ok((await used(page)) >= before, 'nothing was removed');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await banner.count(), 0);
    await finish(session);
  });

  test('the largest profile that can still be imported into a full store, and a clear refusal beyond it', async () => {
    const session = await openApp(env, '#/settings', PHONE);
    const { page } = session;
    // A user's whole profile in storage, and a backup of it from another
    // device where a few answers changed since: imported with a merge.
    const attempt = async (total, edited = 5) => {
      if (!(await storeProfile(page, total))) return { ok: false, stored: total, text: 'storage cannot hold the profile itself' };
      await page.reload();
      await appReady(page);
      const file = await download(page, page.getByRole('button', { name: 'Export backup' }).first());
      const backup = JSON.parse(await (await import('node:fs/promises')).readFile(await file.path(), 'utf8'));
      // And one answer only the backup has: a refused import must not leave it behind.
      backup.answers['only-in-the-backup'] = { text: 'Written on the laptop alone.', updated_ms: Date.now() };
      for (const id of Object.keys(backup.answers).slice(0, edited)) {
        // Rewritten there, so the merge keeps both texts.
        backup.answers[id].text = backup.answers[id].text.replaceAll('x', 'y') + ' Rewritten on the laptop.';
        backup.answers[id].updated_ms = Date.now();
      }
      const stored = await used(page);
      const before = await answersStored(page);
      await page.getByLabel('Import backup').setInputFiles({ name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
      await page.getByRole('button', { name: 'Merge into my data' }).click();
      const message = page.locator('.import-message, [role="alert"], [role="status"]').filter({ hasText: /^Imported laptop\.json|does not fit|could not be saved aside/ });
      await message.first().waitFor();
      const text = await message.first().innerText();
      const ok = /^Imported laptop\.json/.test(text) && !/could not be saved/.test(text);
      if (!ok) {
        assert.match(text, /Nothing was changed/, text);
        // (Compared, not printed: megabytes of text.)
        assert.ok((await answersStored(page)) === before, 'a refused import changes no answer');
      }
      return { ok, stored, text };
    };
    // Beyond any limit: every answer edited on both sides, so the merge keeps
    // both texts of each and the profile doubles. Refused, nothing changed.
    const beyond = await attempt(3 * MB, ids.length);
    assert.equal(beyond.ok, false);
    assert.match(beyond.text, /(does not fit in the storage left|could not be saved aside first).* Nothing was changed/, beyond.text);
    // The copy aside fits, the doubled answers do not: what was written is
    // put back, and the copy (now the same as the data) removed.
    const rolledBack = await attempt(1.8 * MB, ids.length);
    assert.equal(rolledBack.ok, false);
    assert.match(rolledBack.text, /^This backup does not fit in the storage left .* Nothing was changed/, rolledBack.text);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('before-import'))), []);
    await screenshot(page, 'import-refused-360', { fullPage: false });

    let low = 1.0 * MB;
    let high = 5.2 * MB;
    let best = null;
    let refusal = null;
    while (high - low > 0.05 * MB) {
      const mid = (low + high) / 2;
      const result = await attempt(mid);
      if (result.ok) {
        low = mid;
        best = result;
      } else {
        high = mid;
        refusal = result;
      }
    }
    assert.ok(best, 'some profile imports');
    const report = [
      `Largest profile imported with a merge into a store that already holds it (Chromium's real quota, 5 answers changed on the other device): ${(best.stored / MB).toFixed(2)} MB of answers (UTF-16 units of keys and values).`,
      `The next size tried: ${refusal?.text ?? '(none refused)'}`,
      `A 3 MB profile whose every answer changed on both sides (the merge doubles it): ${beyond.text}`,
      `The same at 1.8 MB (the copy aside fits, the doubled answers do not): ${rolledBack.text}`,
      '',
    ].join('\n');
    mkdirSync(path.join(root, 'test-output'), { recursive: true });
    writeFileSync(path.join(root, 'test-output', 'import-limit.txt'), report);
    console.log(report);
    assert.ok(best.stored >= 2.4 * MB, report);
    await finish(session);
  });
});
