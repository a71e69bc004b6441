// The practice loop in real Chromium: answers survive reloads, ticks and
// bookmarks persist, ratings move questions out of "due", and backups round-trip.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  appReady, download, downloadText, finish, newPage, openApp, PHONE, screenshot, serverAndBrowser, storedKeys, storedRecord,
} from './support.mjs';

const env = serverAndBrowser();

const STORY = 'alert-fatigue';
const STAR = 'conflict-with-another-team';

describe('practice loop', () => {
  test('an answer typed and reloaded at once is still there', async () => {
    const session = await openApp(env, `#/q/${STORY}`);
    const { page } = session;
    const editor = page.getByRole('textbox', { name: 'Your answer' });
    await editor.click();
    await editor.pressSequentially('We paged on symptoms, not causes.', { delay: 5 });
    // No waiting for the debounce: pagehide must save it.
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'We paged on symptoms, not causes.');
    assert.match(await page.locator('.answer-stats').innerText(), /6 words/);
    await finish(session);
  });

  test('STAR questions get four labelled fields; word count and speaking time', async () => {
    const session = await openApp(env, `#/q/${STAR}`, PHONE);
    const { page } = session;
    const words = 'one two three four five six seven eight nine ten ';
    for (const name of ['Situation', 'Task', 'Action', 'Result']) {
      await page.getByRole('textbox', { name }).fill(words.repeat(13).trim());
    }
    // 4 x 130 words = 520 words, four minutes at 130 words a minute.
    await page.getByText('520 words').waitFor();
    await page.getByText('about 4:00 to say').waitFor();
    await page.getByText('Saved', { exact: true }).waitFor();
    const stored = await storedRecord(page, `opsdrill/answer/${STAR}`);
    assert.equal(stored.version, 1);
    assert.equal(stored.star.result.split(' ').length, 130);
    await screenshot(page, 'star-editor-360', { fullPage: false });
    await finish(session);
  });

  test('talking-point ticks and bookmarks are saved; the list filters bookmarks', async () => {
    const session = await openApp(env, `#/q/${STORY}`);
    const { page } = session;
    await page.getByRole('button', { name: 'Bookmark' }).click();
    assert.equal(await page.getByRole('button', { name: 'Bookmark' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Show model answer' }).click();
    const boxes = page.locator('.checklist input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await page.getByText('2 of 7').waitFor();
    await page.reload();
    await appReady(page);
    await page.getByRole('button', { name: 'Show model answer' }).click();
    assert.equal(await boxes.nth(0).isChecked(), true);
    assert.equal(await boxes.nth(1).isChecked(), false);
    assert.equal(await boxes.nth(2).isChecked(), true);

    await page.goto(`${env.server.base}#/questions`);
    await page.getByRole('button', { name: 'Bookmarked' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.question-list li').length === 1);
    assert.match(await page.locator('.question-list').innerText(), /drowning in alerts/);
    await finish(session);
  });

  test('rating a due question moves it out of "due"; keys 1-4 rate; progress counts it', async () => {
    const session = await openApp(env, '#/practice');
    const { page } = session;
    // A card that fell due yesterday.
    await page.evaluate((id) => {
      const day = 86_400_000;
      const now = Date.now();
      localStorage.setItem('opsdrill/schedule', JSON.stringify({
        version: 1,
        cards: { [id]: { due_ms: now - day, stability: 2, difficulty: 5, scheduled_days: 2, reps: 2, state: 2, last_review_ms: now - 3 * day } },
        reviews: [{ id, at_ms: now - 3 * day, rating: 3 }],
      }));
    }, STORY);
    await page.reload();
    await appReady(page);
    await page.getByText(/^1 due now/).waitFor();
    const first = page.locator('.question-list li').first();
    assert.match(await first.innerText(), /Due/);
    assert.match(await first.innerText(), /drowning in alerts/);
    await page.getByRole('link', { name: 'Start practising' }).click();
    await page.getByRole('heading', { level: 1, name: /drowning in alerts/ }).waitFor();
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await page.locator('body').press('3');
    await page.getByText(/^Rated Good\. Back in \d+ days?\./).waitFor();

    await page.goto(`${env.server.base}#/practice`);
    await page.getByText(/^0 due now/).waitFor();
    await page.goto(`${env.server.base}#/progress`);
    await page.getByText('Current streak: 1 day.').waitFor();
    assert.match(await page.locator('figcaption').innerText(), /^2 ratings on 2 days/);
    await screenshot(page, 'progress-1280');
    await finish(session);
  });

  test('an interview date caps intervals and is counted down on Practice', async () => {
    const session = await openApp(env, '#/settings');
    const { page } = session;
    const inFiveDays = await page.evaluate(() => {
      const d = new Date(Date.now() + 5 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel('Interview date (optional)').fill(inFiveDays);
    await page.getByLabel('Interview date (optional)').blur();
    await page.goto(`${env.server.base}#/practice`);
    await page.getByText(/^5 days to your interview/).waitFor();
    await page.goto(`${env.server.base}#/q/${STORY}`);
    await page.getByRole('button', { name: 'Show model answer' }).click();
    // Easy on a new card would be weeks away; capped, it is at most 5 days.
    await page.getByRole('button', { name: /Easy/ }).click();
    const due = (await storedRecord(page, 'opsdrill/schedule')).cards[STORY].due_ms;
    assert.ok(due <= Date.now() + 5 * 86_400_000, 'due before the interview');
    await finish(session);
  });

  test('two tabs see each other\'s saves', async () => {
    const session = await newPage(env.browser, env.server.base);
    const { context, page } = session;
    const other = await context.newPage();
    await page.goto(`${env.server.base}#/q/${STORY}`);
    await other.goto(`${env.server.base}#/q/${STORY}`);
    await appReady(page);
    await appReady(other);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Written in the first tab.');
    await page.getByRole('textbox', { name: 'Your answer' }).blur();
    await other.waitForFunction(() => document.querySelector('textarea')?.value === 'Written in the first tab.');

    // The second tab bookmarks; the first tab's button follows.
    await other.getByRole('button', { name: 'Bookmark' }).click();
    await page.waitForFunction(() => document.querySelector('.bookmark')?.getAttribute('aria-pressed') === 'true');

    // An edit in progress is not replaced: both texts are kept, this tab's first.
    const editor = page.getByRole('textbox', { name: 'Your answer' });
    await editor.click();
    await editor.press('End');
    await editor.pressSequentially(' Still typing', { delay: 5 });
    await other.getByRole('textbox', { name: 'Your answer' }).fill('Rewritten in the second tab.');
    await other.getByRole('textbox', { name: 'Your answer' }).blur();
    await page.getByText('This answer was also changed in another tab.').waitFor();
    const both = await editor.inputValue();
    assert.ok(both.startsWith('Written in the first tab. Still typing'), both);
    assert.ok(both.includes('Rewritten in the second tab.'), both);
    // And that is what is stored, so closing this tab loses neither.
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem('opsdrill/answer/alert-fatigue')).text || '').includes('Rewritten in the second tab.'));
    await other.waitForFunction(() => document.querySelector('textarea').value.includes('Still typing'));
    await finish(session);
  });

  test('export a backup, import it into a fresh profile: identical answers', async () => {
    const first = await openApp(env, `#/q/${STORY}`);
    const { page } = first;
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Story answer: pages fell from 140 to 25 a week.\nSecond line.');
    await page.getByRole('button', { name: 'Bookmark' }).click();
    await page.goto(`${env.server.base}#/q/${STAR}`);
    await page.getByRole('textbox', { name: 'Situation' }).fill('Two teams, one database.');
    await page.getByRole('textbox', { name: 'Result' }).fill('Lock waits fell by 90%.');
    await page.getByRole('textbox', { name: 'Result' }).blur();
    await page.goto(`${env.server.base}#/settings`);
    const backup = await download(page, page.getByRole('button', { name: 'Export backup' }).first());
    assert.match(backup.suggestedFilename(), /^opsdrill-backup-\d{4}-\d{2}-\d{2}\.json$/);
    // Kept outside the context, which deletes its downloads when it closes.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'opsdrill-')), backup.suggestedFilename());
    await backup.saveAs(file);
    await screenshot(page, 'settings-1280');
    await finish(first);

    const second = await openApp(env, '#/settings', PHONE);
    const fresh = second.page;
    // A wrong file first: a clear message, nothing changes.
    await fresh.getByLabel('Import backup').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "my todo list"}') });
    await fresh.getByRole('alert').filter({ hasText: 'not an OpsDrill backup' }).waitFor();
    assert.match(await fresh.getByRole('alert').filter({ hasText: 'not an OpsDrill backup' }).innerText(), /Nothing was changed/);
    assert.equal((await storedKeys(fresh, 'opsdrill/answer/')).length, 0);

    await fresh.getByLabel('Import backup').setInputFiles(file);
    await fresh.getByText('2 new answers added').waitFor();
    await screenshot(fresh, 'import-preview-360', { fullPage: true });
    await fresh.getByRole('button', { name: 'Merge into my data' }).click();
    await fresh.getByText(/^Imported opsdrill-backup/).waitFor();

    await fresh.goto(`${env.server.base}#/q/${STORY}`);
    assert.equal(await fresh.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'Story answer: pages fell from 140 to 25 a week.\nSecond line.');
    assert.equal(await fresh.getByRole('button', { name: 'Bookmark' }).getAttribute('aria-pressed'), 'true');
    await fresh.goto(`${env.server.base}#/q/${STAR}`);
    assert.equal(await fresh.getByRole('textbox', { name: 'Situation' }).inputValue(), 'Two teams, one database.');
    assert.equal(await fresh.getByRole('textbox', { name: 'Result' }).inputValue(), 'Lock waits fell by 90%.');
    await finish(second);
  });

  test('talking-point insight marks what the answer mentions, repeated words and fillers', async () => {
    const session = await openApp(env, `#/q/${STORY}`);
    const { page } = session;
    await page.getByRole('textbox', { name: 'Your answer' }).fill(
      'Um, basically every page was actionable and linked a runbook. We routed alerts to the team owning the service. Pages, pages, pages.',
    );
    await page.getByRole('button', { name: 'Show model answer' }).click();
    const note = page.getByRole('note', { name: 'Answer insight' });
    await note.waitFor();
    assert.match(await note.innerText(), /appears to mention 2 of 7 points/);
    assert.match(await note.innerText(), /Most repeated: page(s)? ×4/);
    assert.match(await note.innerText(), /Filler words: .um. ×1, .basically. ×1/);
    const items = page.locator('.checklist li');
    assert.match(await items.nth(1).innerText(), /in your answer/);
    assert.match(await items.nth(3).innerText(), /in your answer/);
    assert.doesNotMatch(await items.nth(2).innerText(), /in your answer/);
    // A hint only: nothing is ticked for the user.
    assert.equal(await page.locator('.checklist input:checked').count(), 0);
    await finish(session);
  });

  test('"Export answers and stories as Markdown" gives every answer under its question', async () => {
    const session = await openApp(env, `#/q/${STORY}`);
    const { page } = session;
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Symptoms over causes.');
    await page.goto(`${env.server.base}#/settings`);
    const text = await downloadText(page, page.getByRole('button', { name: 'Export answers and stories as Markdown' }));
    assert.match(text, /## How do you keep an on-call rotation from drowning in alerts\?\n/);
    assert.match(text, /Symptoms over causes\./);
    await finish(session);
  });
});
