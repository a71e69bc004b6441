// Storage that does not lose data: unreadable, foreign and odd localStorage
// contents load without a panic and with every original value intact; a full
// storage and a blocked storage get their banners and lose nothing on screen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appReady, downloadText, finish, openApp, PHONE, screenshot, serverAndBrowser, showPage, storedKeys, storedRecord,
} from './support.mjs';

const env = serverAndBrowser();

const big = (n, unit) => unit.repeat(n);
// [name, entries, expect]: expect 'unreadable' (a banner, a copy aside) or 'ok'.
const fixtures = [
  ['truncated settings JSON', { 'opsdrill/settings': '{"version":1,"daily_new_limit":' }, 'unreadable'],
  ['settings with a wrong type', { 'opsdrill/settings': '{"daily_new_limit":"ten"}' }, 'unreadable'],
  ['settings from a future version', { 'opsdrill/settings': '{"version":99,"daily_new_limit":5}' }, 'unreadable'],
  ['settings as an array', { 'opsdrill/settings': '[]' }, 'unreadable'],
  ['settings as null', { 'opsdrill/settings': 'null' }, 'unreadable'],
  ['settings out of range', { 'opsdrill/settings': '{"daily_new_limit":0}' }, 'unreadable'],
  ['settings with a bad date', { 'opsdrill/settings': '{"interview_date":"tomorrow"}' }, 'unreadable'],
  ['settings with a non-numeric version', { 'opsdrill/settings': '{"version":"one"}' }, 'unreadable'],
  ['old unversioned settings', { 'opsdrill/settings': '{"daily_new_limit":7}' }, 'ok'],
  ['settings with unknown fields', { 'opsdrill/settings': '{"version":1,"daily_new_limit":5,"extra":{"nested":[1,2,3]}}' }, 'ok'],
  ['schedule with a wrong type', { 'opsdrill/schedule': '{"cards":{"alert-fatigue":{"due_ms":"soon"}}}' }, 'unreadable'],
  ['schedule with an impossible rating', { 'opsdrill/schedule': '{"reviews":[{"id":"x","at_ms":1,"rating":9}]}' }, 'unreadable'],
  ['truncated schedule', { 'opsdrill/schedule': '{"cards": {' }, 'unreadable'],
  ['schedule for unknown questions', { 'opsdrill/schedule': '{"cards":{"retired-question":{"due_ms":0,"state":2,"stability":1.5}},"reviews":[{"id":"retired-question","at_ms":5,"rating":3}]}' }, 'ok'],
  ['marks with an out-of-range tick', { 'opsdrill/marks': '{"ticks":{"alert-fatigue":[0,1,999]}}' }, 'unreadable'],
  ['marks with bookmarks as a string', { 'opsdrill/marks': '{"bookmarks":"alert-fatigue"}' }, 'unreadable'],
  ['binary junk in marks', { 'opsdrill/marks': '\u0000\u0001\u0002garbage\uFFFD' }, 'unreadable'],
  ['a version-0 answer (a bare string)', { 'opsdrill/answer/alert-fatigue': '"my answer from an old version"' }, 'ok'],
  ['truncated answer', { 'opsdrill/answer/alert-fatigue': '{"text":"half an ans' }, 'unreadable'],
  ['answer with a number for text', { 'opsdrill/answer/alert-fatigue': '{"text":12345}' }, 'unreadable'],
  ['a huge valid answer', { 'opsdrill/answer/alert-fatigue': JSON.stringify({ version: 1, text: big(100_000, 'word '), updated_ms: 1 }) }, 'ok'],
  ['a huge unreadable value', { 'opsdrill/answer/alert-fatigue': big(1_000_000, 'x') }, 'unreadable'],
  ['an answer to an unknown question', { 'opsdrill/answer/no-such-question': '{"text":"an orphan answer"}' }, 'ok'],
  ['foreign keys only', { theme: 'dark', 'other-app/state': '{"x":1}', 'opsdrill/answer/': '{"text":"no id"}', 'opsdrill/answer/a/b': 'nested', 'opsdrill/unknown-record': '{"x":1}' }, 'ok'],
  ['a schedule with a negative version', { 'opsdrill/schedule': '{"version":-1}' }, 'unreadable'],
  ['several broken at once', { 'opsdrill/settings': '{', 'opsdrill/marks': 'nope', 'opsdrill/answer/alert-fatigue': '{"text": "kept"}', 'opsdrill/schedule': '{"cards":[]}' }, 'unreadable'],
  ['an answer with a wrong-typed STAR part', { 'opsdrill/answer/conflict-with-another-team': '{"star":{"situation":["a"]}}' }, 'unreadable'],
  ['an own question with an unknown category', { 'opsdrill/own/mine-x': '{"question":"Why?","category":"cooking","style":"story","difficulty":"intermediate"}' }, 'unreadable'],
  ['an own question with no text', { 'opsdrill/own/mine-x': '{"question":"","category":"general","style":"story","difficulty":"intermediate"}' }, 'unreadable'],
  ['an own question under a bank id', { 'opsdrill/own/alert-fatigue': '{"question":"Mine?","category":"general","style":"story","difficulty":"intermediate"}' }, 'ok'],
  ['an interview log with a wrong type', { 'opsdrill/interviews': '{"interviews":{"a":1}}' }, 'unreadable'],
  ['a previous corrupt copy already present', { 'opsdrill/marks': '{', 'opsdrill/corrupt/1/opsdrill/marks': '{' }, 'unreadable'],
];

/**
 * Replaces the open tab's whole localStorage with `entries`, then loads the
 * app afresh at `hash`: a new `query` makes it a full load, the first to meet
 * them (not a change of hash, which the running app would draw).
 */
async function reseed({ page }, entries, hash, query = 'seeded') {
  await page.evaluate((e) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.goto(`${env.server.base}?${query}${hash}`);
  await appReady(page);
}

/** A new session whose localStorage holds just `entries`, opened at `hash`. */
async function seeded(entries, hash = '#/settings') {
  const session = await openApp(env, '#/settings');
  await reseed(session, entries, hash);
  return session;
}

describe('storage that does not lose data', () => {
  test(`${fixtures.length} corrupt or foreign localStorage fixtures: no panic, every original value kept`, async () => {
    assert.ok(fixtures.length >= 25);
    const hashes = ['#/q/alert-fatigue', '#/q/conflict-with-another-team', '#/practice', '#/progress', '#/questions', '#/settings'];
    // One tab for all of them. The app reads the stores once, when a page
    // first asks: each fixture is met first by one page (a different one in
    // turn), then every other page is drawn from what was read.
    const session = await openApp(env, '#/settings');
    const { page, problems } = session;
    for (const [index, [name, entries, expect]] of fixtures.entries()) {
      const landing = index % hashes.length;
      const walk = [...hashes.slice(landing), ...hashes.slice(0, landing)];
      await reseed(session, entries, walk[0], `fixture-${index}`);
      for (const hash of walk.slice(1)) await showPage(page, `${env.server.base}${hash}`);
      const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
      for (const [key, value] of Object.entries(entries)) {
        assert.equal(stored[key], value, `${name}: ${key} is unchanged`);
      }
      const banner = page.getByText(/saved items? could not be read/);
      if (expect === 'unreadable') {
        await banner.waitFor();
        const copies = Object.keys(stored).filter((k) => k.startsWith('opsdrill/corrupt/'));
        for (const [key, value] of Object.entries(entries)) {
          if (key.startsWith('opsdrill/corrupt/')) continue;
          const copy = copies.find((k) => k.endsWith(`/${key}`) && stored[k] === value);
          const readable = !copies.some((k) => k.endsWith(`/${key}`));
          assert.ok(copy || readable, `${name}: ${key} has a copy aside or was readable`);
        }
        // Reloading does not pile up copies.
        const before = copies.length;
        await page.reload();
        await appReady(page);
        const after = (await storedKeys(page, 'opsdrill/corrupt/')).length;
        assert.equal(after, before, `${name}: no new copies on reload`);
      } else {
        assert.equal(await banner.count(), 0, `${name}: no unreadable banner`);
      }
      assert.deepEqual(problems.splice(0), [], `${name}: no panic, no console error`);
    }
    await finish(session);
  });

  test('readable fixtures are used: an old bare-string answer and old settings', async () => {
    const session = await seeded(
      { 'opsdrill/answer/alert-fatigue': '"my answer from an old version"', 'opsdrill/settings': '{"daily_new_limit":7}' },
      '#/q/alert-fatigue',
    );
    const { page } = session;
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'my answer from an old version');
    await page.goto(`${env.server.base}#/practice`);
    await page.getByText(/limit 7,/).waitFor();
    await session.context.close();
  });

  test('an unreadable value can be exported as raw text from the banner', async () => {
    const session = await seeded({ 'opsdrill/answer/alert-fatigue': '{"text":"half an ans' });
    const { page } = session;
    const text = await downloadText(page, page.getByRole('button', { name: 'Export the unreadable data' }));
    assert.match(text, /opsdrill\/answer\/alert-fatigue\n\{"text":"half an ans/);
    await screenshot(page, 'unreadable-banner-1280', { fullPage: false });
    await session.context.close();
  });

  test('storage full: a banner that stays, the text stays on screen, nothing is deleted', async () => {
    const session = await openApp(env, '#/q/alert-fatigue', PHONE);
    const { page } = session;
    const filled = await page.evaluate(() => {
      let size = 1 << 20;
      let n = 0;
      while (size >= 1) {
        try {
          localStorage.setItem(`filler/${n}`, 'x'.repeat(size));
          n += 1;
        } catch {
          size = Math.floor(size / 2);
        }
      }
      return n;
    });
    assert.ok(filled > 0);
    const before = await page.evaluate(() => Object.keys(localStorage).length);
    const editor = page.getByRole('textbox', { name: 'Your answer' });
    await editor.fill('An answer typed when the disk is full.');
    await editor.blur();
    await page.getByText('Storage is full.').waitFor();
    assert.equal(await editor.inputValue(), 'An answer typed when the disk is full.');
    assert.equal(await page.getByText('Not saved', { exact: true }).count(), 1);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).length), before, 'nothing deleted to make room');
    // The banner stays across navigation until dismissed, and export works.
    await page.goto(`${env.server.base}#/questions`);
    await page.getByText('Storage is full.').waitFor();
    assert.match(await downloadText(page, page.getByRole('button', { name: 'Export backup' }).first()), /An answer typed when the disk is full\./);
    await screenshot(page, 'storage-full-360', { fullPage: false });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.getByText('Storage is full.').count(), 0);
    // Dismissing does not make it saved: the answer still says so, and is
    // written as soon as there is room.
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    await page.getByText('Not saved', { exact: true }).waitFor();
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
    await page.getByRole('textbox', { name: 'Your answer' }).press('End');
    await page.getByRole('textbox', { name: 'Your answer' }).pressSequentially('!');
    await page.getByText('Saved', { exact: true }).waitFor();
    assert.equal((await storedRecord(page, 'opsdrill/answer/alert-fatigue')).text, 'An answer typed when the disk is full.!');
    await finish(session);
  });

  test('storage that throws on access: the app runs in memory with a banner, and export works', async () => {
    const blockStorage = () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    };
    const session = await openApp(env, '#/q/alert-fatigue', undefined, { init: ({ context }) => context.addInitScript(blockStorage) });
    const { page } = session;
    await page.getByText('Storage is blocked in this browser').waitFor();
    assert.match(await page.getByRole('alert').first().innerText(), /nothing will be kept after you close this tab/);
    const editor = page.getByRole('textbox', { name: 'Your answer' });
    await editor.fill('Kept in memory.');
    await page.getByText('Kept in this tab only').waitFor();
    // Navigating within the app keeps it.
    await page.goto(`${env.server.base}#/questions`);
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'Kept in memory.');
    assert.match(await downloadText(page, page.getByRole('button', { name: 'Export backup' }).first()), /Kept in memory\./);
    await finish(session);
  });
});
