// The user's own questions in real Chromium: written on a phone-sized page,
// found by search and the "Mine" filter, practised and rated like the
// bank's, in mock interviews, in packs out and in (a broken one named line
// by line), in backups, edited and deleted only after confirmations.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, DESKTOP, downloadText, fakeShareSheet, finish, noSidewaysScroll, openApp, PHONE, screenshot, serverAndBrowser,
  storedKeys, storedRecord,
} from './support.mjs';

const env = serverAndBrowser();

const QUESTION = 'How would you split Terraform state for forty product teams?';
const ID = 'mine-how-would-you-split-terraform-state';

/** Writes the question above through "Add a question"; ends on its page. */
async function addQuestion(page) {
  await page.getByRole('link', { name: '+ Add a question' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Add a question' }).waitFor();
  await page.getByLabel('Question', { exact: true }).fill(QUESTION);
  await page.getByLabel('Category').selectOption('technical');
  await page.getByLabel('Style').selectOption('design');
  await page.getByLabel('Difficulty').selectOption('advanced');
  await page.getByLabel('Topics').fill('terraform state');
  await page.getByLabel('Add a topic from the bank').selectOption({ label: 'Infrastructure as Code' });
  await page.getByLabel('Where you were asked (optional)').fill('Acme, 2026-11-30, onsite');
  await page.getByLabel(/^Why they ask/).fill('They want to hear how you weigh **blast radius** against duplication.');
  // Points typed one per line, without Markdown.
  await page.getByLabel(/^Talking points/).fill('One state per team and environment\nRemote backend with locking\nShared modules, versioned');
  await page.getByLabel(/^Model answer/).fill('I would give each team its own state per environment.\n\n- a `terraform_remote_state` read for shared outputs\n- locks in DynamoDB');
  await page.getByLabel(/^Follow-ups/).fill('### What breaks when two states share a resource?\nBoth plans fight over it: one must own it, the other read it.');
  await screenshot(page, `own-editor-filled-${page.viewportSize().width}`);
  await page.getByRole('button', { name: 'Save question' }).click();
  await page.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
}

describe('own questions', () => {
  test('add on a phone, find by search and "Mine", practise, tick and rate; a deep link and a reload find it', async () => {
    const session = await openApp(env, '#/questions', PHONE);
    const { page } = session;
    await addQuestion(page);
    assert.match(page.url(), new RegExp(`#/q/${ID}$`));
    await page.getByText('Your question · asked: Acme, 2026-11-30, onsite').waitFor();
    assert.deepEqual(await page.locator('.tags .tag').allInnerTexts(), ['terraform state', 'Infrastructure as Code']);
    const stored = await storedRecord(page, `opsdrill/own/${ID}`);
    assert.equal(stored.question, QUESTION);
    assert.deepEqual(stored.topics, ['terraform-state', 'iac']);
    assert.equal(stored.sections.talking_points, '- One state per team and environment\n- Remote backend with locking\n- Shared modules, versioned');
    await noSidewaysScroll(page, 'an own question');

    // Search reads its talking points; "Mine" lists only the user's.
    await page.goto(`${env.server.base}#/questions`);
    await page.getByRole('searchbox', { name: 'Search questions' }).fill('shared modules versioned');
    const found = page.locator('.question-list li').filter({ hasText: QUESTION });
    await found.waitFor();
    assert.match(await found.innerText(), /Yours · Technical · Advanced · terraform state, Infrastructure as Code/);
    await page.getByRole('searchbox', { name: 'Search questions' }).fill('');
    await page.getByRole('button', { name: 'Mine' }).click();
    await page.getByText('1 question', { exact: true }).waitFor();
    assert.match(page.url(), /mine=1/);
    await page.getByLabel('Topic').selectOption('terraform-state');
    await page.getByText('1 question', { exact: true }).waitFor();
    await screenshot(page, 'own-mine-360');

    // Practice offers it first among the new questions.
    await page.goto(`${env.server.base}#/practice`);
    assert.equal(await page.locator('.question-list li').first().locator('.question-text').innerText(), QUESTION);
    await page.getByRole('link', { name: 'Start practising' }).click();
    await page.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Each team owns a state per environment behind a remote backend with locking.');
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await page.getByRole('heading', { name: 'Model answer' }).waitFor();
    assert.equal(await page.locator('#answer-material code').first().innerText(), 'terraform_remote_state');
    // The answer mentions the first two points: they are marked as covered.
    await page.locator('.checklist .mentioned').nth(1).waitFor();
    assert.equal(await page.locator('.checklist .mentioned').count(), 2);
    await screenshot(page, 'own-question-revealed-360');
    await page.locator('.rate-good').click();
    await page.waitForFunction((id) => JSON.parse(localStorage.getItem('opsdrill/schedule') ?? '{}').cards?.[id], ID);

    // A deep link after a reload.
    await page.goto(`${env.server.base}#/q/${ID}`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'Each team owns a state per environment behind a remote backend with locking.');
    await finish(session);
  });

  test('the editor names what is wrong under its field, and keeps what is typed across a reload', async () => {
    const session = await openApp(env, '#/questions/new', DESKTOP, { bypassCSP: true });
    const { page } = session;
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByText('1 thing to fix before it can be saved').waitFor();
    assert.equal(await page.locator('#own-question-problems').innerText(), 'write the question');
    assert.equal((await storedKeys(page, 'opsdrill/own/')).length, 0, 'nothing kept');

    await page.getByLabel('Question', { exact: true }).fill('What does a good on-call handover contain?');
    await page.getByLabel('Category').selectOption('general');
    await page.getByLabel(/^Why they ask/).fill('Fine first line.\n\n- but a list where paragraphs belong');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByText(/thing(s)? to fix before it can be saved/).waitFor();
    assert.match(await page.locator('#own-why-problems').innerText(), /^Line \d+: .*paragraphs only/);
    assert.equal(await page.getByLabel(/^Why they ask/).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page, 'editor with problems'), []);
    await screenshot(page, 'own-editor-problems-1280');

    // Not saved, but not lost: the draft comes back after a reload.
    await page.reload();
    await page.getByText('Your unsaved changes from last time are back.').waitFor();
    assert.equal(await page.getByLabel('Question', { exact: true }).inputValue(), 'What does a good on-call handover contain?');
    await page.getByLabel(/^Why they ask/).fill('They check that you hand over context, not only alerts.');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { level: 1, name: 'What does a good on-call handover contain?' }).waitFor();
    assert.deepEqual(await storedKeys(page, 'opsdrill/draft/'), [], 'the draft is gone once saved');

    // "Cancel" drops what was typed.
    await page.goto(`${env.server.base}#/questions/new`);
    await page.getByLabel('Question', { exact: true }).fill('A question I changed my mind about');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    await page.goto(`${env.server.base}#/questions/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a question' }).waitFor();
    assert.equal(await page.getByLabel('Question', { exact: true }).inputValue(), '');
    assert.equal(await page.getByText('Your unsaved changes from last time are back.').count(), 0);
    await finish(session);
  });

  test('a save that storage refuses keeps the draft, so a closed tab loses nothing', async () => {
    const session = await openApp(env, '#/questions/new', DESKTOP, {
      init: ({ page }) => page.addInitScript(() => {
        // Storage full for own questions only: the draft still fits.
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function set(key, value) {
          if (String(key).startsWith('opsdrill/own/')) throw new DOMException('full', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      }),
    });
    const { page } = session;
    await page.getByLabel('Question', { exact: true }).fill('What does a good on-call handover contain?');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { level: 1, name: 'What does a good on-call handover contain?' }).waitFor();
    assert.equal((await storedKeys(page, 'opsdrill/own/')).length, 0, 'storage refused it');
    await page.goto(`${env.server.base}#/questions/new`);
    await page.reload();
    await page.getByText('Your unsaved changes from last time are back.').waitFor();
    assert.equal(await page.getByLabel('Question', { exact: true }).inputValue(), 'What does a good on-call handover contain?');
    await session.context.close();
  });

  test('edit it; deleting asks first, and the answer and schedule go only after a second yes', async () => {
    const session = await openApp(env, '#/questions', DESKTOP, { bypassCSP: true });
    const { page } = session;
    await addQuestion(page);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit your question' }).waitFor();
    await page.getByLabel('Question', { exact: true }).fill('How would you split Terraform state for 40 teams?');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { level: 1, name: 'How would you split Terraform state for 40 teams?' }).waitFor();
    assert.match(page.url(), new RegExp(`#/q/${ID}$`), 'the id stays');
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Per team, per environment.');
    await page.getByText('Saved', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await page.locator('.rate-good').click();
    await page.waitForFunction((id) => JSON.parse(localStorage.getItem('opsdrill/schedule') ?? '{}').cards?.[id], ID);

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Delete question' }).click();
    await page.getByRole('button', { name: 'No, keep it' }).click();
    assert.ok(await storedRecord(page, `opsdrill/own/${ID}`), 'kept after "No"');
    await page.getByRole('button', { name: 'Delete question' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText(/You have practised this question/).waitFor();
    assert.deepEqual(await axeViolations(page, 'second confirmation'), []);
    await page.getByRole('button', { name: 'Delete them too' }).click();
    await page.waitForURL(/#\/questions\?mine=1$/);
    await page.getByText('You have not added a question of your own yet.').waitFor();
    assert.equal(await storedRecord(page, `opsdrill/own/${ID}`), null);
    assert.equal((await storedRecord(page, `opsdrill/answer/${ID}`)).text, '');
    assert.equal((await storedRecord(page, 'opsdrill/schedule')).cards[ID], undefined);

    // "Keep my answer": the question goes, what was written stays.
    await page.goto(`${env.server.base}#/questions`);
    await addQuestion(page);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Kept after the question goes.');
    await page.getByText('Saved', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Delete question' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('button', { name: 'Keep my answer' }).click();
    await page.waitForURL(/#\/questions\?mine=1$/);
    assert.equal((await storedRecord(page, `opsdrill/answer/${ID}`)).text, 'Kept after the question goes.');
    await finish(session);
  });

  test('a mock interview of only my own questions', async () => {
    const session = await openApp(env, '#/questions', DESKTOP);
    const { page } = session;
    await addQuestion(page);
    await page.goto(`${env.server.base}#/mock`);
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByRole('checkbox', { name: /^Only my own questions/ }).check();
    await page.getByRole('checkbox', { name: /^Technical/ }).uncheck();
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByText('None of your own questions is in the categories chosen.').waitFor();
    await page.getByRole('checkbox', { name: /^Technical/ }).check();
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByText('Question 1 of 1', { exact: true }).waitFor();
    assert.equal(await page.locator('#mock-question').innerText(), QUESTION);
    await finish(session);
  });

  test('a pack out and into a fresh profile; a broken pack is named line by line', async () => {
    const session = await openApp(env, '#/questions', DESKTOP);
    const { page } = session;
    await addQuestion(page);
    await page.goto(`${env.server.base}#/questions/new`);
    await page.getByLabel('Question', { exact: true }).fill('Tell me about a launch you pushed back on.');
    await page.getByLabel('Category').selectOption('behavioural');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tell me about a launch you pushed back on.' }).waitFor();

    await page.goto(`${env.server.base}#/settings`);
    await page.getByText('You have 2 questions of your own.').waitFor();
    const pack = await downloadText(page, page.getByRole('button', { name: 'Export pack' }));
    assert.match(pack, /^<!-- OpsDrill question pack: 2 questions\./);
    assert.match(pack, /\n---\nid: mine-how-would-you-split-terraform-state\ncategory: technical\nquestion: How would you split Terraform state for forty product teams\?\ntopics: terraform-state, iac\n/);
    assert.match(pack, /\n## Talking points\n\n- One state per team and environment\n/);
    // Unticked questions stay out.
    await page.getByRole('checkbox', { name: 'Tell me about a launch you pushed back on.' }).uncheck();
    const one = await downloadText(page, page.getByRole('button', { name: 'Export pack' }));
    assert.match(one, /^<!-- OpsDrill question pack: 1 question\./);
    await finish(session);

    const fresh = await openApp(env, '#/settings', PHONE, { bypassCSP: true });
    const other = fresh.page;
    await other.getByText('You have no questions of your own yet.').waitFor();
    await other.getByLabel('Import a pack').setInputFiles({ name: 'acme.md', mimeType: 'text/markdown', buffer: Buffer.from(pack) });
    await other.getByText('acme.md: 2 of 2 questions can be added').waitFor();
    await screenshot(other, 'own-pack-preview-360');
    assert.deepEqual(await axeViolations(other, 'pack preview'), []);
    await other.getByRole('button', { name: 'Add 2 questions' }).click();
    await other.getByText(/^Added 2 questions from acme\.md/).waitFor();
    const keys = (await storedKeys(other, 'opsdrill/own/')).sort();
    assert.deepEqual(keys, [`opsdrill/own/${ID}`, 'opsdrill/own/mine-tell-me-about-a-launch-you']);
    await other.goto(`${env.server.base}#/q/${ID}`);
    await other.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    await other.getByRole('button', { name: 'Show model answer' }).click();
    await other.getByText('What breaks when two states share a resource?').waitFor();

    // The same pack again: new ids, nothing overwritten.
    await other.goto(`${env.server.base}#/settings`);
    await other.getByLabel('Import a pack').setInputFiles({ name: 'acme.md', mimeType: 'text/markdown', buffer: Buffer.from(pack) });
    await other.getByRole('button', { name: 'Add 2 questions' }).click();
    await other.getByText('You have 4 questions of your own.').waitFor();
    assert.ok(await storedRecord(other, `opsdrill/own/${ID}-2`));

    // A broken pack: the good question is offered, the others are named by line.
    const broken = [
      '---', 'category: general', 'question: What is your on-call philosophy?', '---', '',
      '## Why they ask', '', 'They want judgement.', '',
      '---', 'category: cooking', 'question: Broken category?', '---', '',
      '---', 'category: technical', 'question: Wrong heading?', '---', '', '## Our answer', '', 'Text.', '',
    ].join('\n');
    await other.getByLabel('Import a pack').setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
    await other.getByText('broken.md: 1 of 3 questions can be added').waitFor();
    const errors = await other.locator('.pack-errors li').allInnerTexts();
    assert.ok(errors.some((e) => /^line 11: .*cooking/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /^line 20: .*Our answer/.test(e)), errors.join('\n'));
    await screenshot(other, 'own-pack-broken-360');
    await other.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await storedKeys(other, 'opsdrill/own/')).length, 4, 'nothing added');

    // Not a pack at all.
    await other.getByLabel('Import a pack').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# My notes\n\nNothing here.') });
    await other.getByRole('alert').filter({ hasText: 'notes.md: This file holds no questions' }).waitFor();
    await finish(fresh);
  });

  test('"Share pack" hands the file to the share sheet where the browser can share files', async () => {
    const session = await openApp(env, '#/questions', PHONE, { init: fakeShareSheet });
    const { page } = session;
    await addQuestion(page);
    await page.goto(`${env.server.base}#/settings`);
    await page.getByRole('button', { name: 'Share pack' }).click();
    await page.getByText('Shared 1 question.').waitFor();
    const [shared] = await page.evaluate(() => window.__shared);
    assert.match(shared.name, /^opsdrill-questions-\d{4}-\d{2}-\d{2}\.md$/);
    assert.equal(shared.type, 'text/markdown');
    assert.match(shared.text, /\nquestion: How would you split Terraform state for forty product teams\?\n/);
    await finish(session);
  });

  test('another tab sees a question added here, and its deletion', async () => {
    const session = await openApp(env, '#/questions?mine=1', DESKTOP);
    const { page } = session;
    const other = await session.context.newPage();
    await other.goto(`${env.server.base}#/questions?mine=1`);
    await other.getByText('You have not added a question of your own yet.').waitFor();
    await addQuestion(page);
    await other.locator('.question-list').getByText(QUESTION).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Delete question' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.waitForURL(/mine=1$/);
    await other.getByText('You have not added a question of your own yet.').waitFor();
    await finish(session);
  });

  test('the backup carries own questions and their answers into a fresh profile', async () => {
    const session = await openApp(env, '#/questions', DESKTOP);
    const { page } = session;
    await addQuestion(page);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('My answer to my own question.');
    await page.getByText('Saved', { exact: true }).waitFor();
    await page.goto(`${env.server.base}#/settings`);
    const backup = await downloadText(page, page.getByRole('button', { name: 'Export backup' }).first());
    assert.equal(JSON.parse(backup).own_questions[ID].question, QUESTION);
    const md = await downloadText(page, page.getByRole('button', { name: /Export answers and stories as Markdown/ }));
    assert.match(md, new RegExp(`\n## ${QUESTION.replace('?', '\\?')}\n\n\\*Technical · ${ID}`));
    assert.match(md, /\n# My questions\n\n## How would you split Terraform state for forty product teams\?\n\n\*Technical · mine-how-would-you-split-terraform-state · asked: Acme, 2026-11-30, onsite\*\n\n### Why they ask\n/);
    await finish(session);

    const fresh = await openApp(env, '#/settings', DESKTOP);
    const other = fresh.page;
    await other.getByLabel('Import backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await other.getByText('1 question of your own added').waitFor();
    await other.getByRole('button', { name: 'Merge into my data' }).click();
    await other.getByText(/^Imported backup\.json/).waitFor();
    await other.goto(`${env.server.base}#/q/${ID}`);
    await other.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    assert.equal(await other.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'My answer to my own question.');
    await finish(fresh);
  });

  test('"What were you asked?" on a phone: lines become own questions due tomorrow, a bank match can be taken instead, and Progress logs it', async () => {
    const session = await openApp(env, '#/practice', PHONE, { bypassCSP: true });
    const { page } = session;
    await page.getByRole('link', { name: 'What were you asked?' }).click();
    await page.getByRole('heading', { level: 1, name: 'What were you asked?' }).waitFor();
    await page.getByLabel('Company').fill('Acme');
    await page.getByLabel('Date').fill('2026-11-30');
    await page.getByLabel('Round (optional)').fill('onsite 2');
    await page.getByLabel('The questions, one per line').fill([
      '1. How would you keep an on-call rotation from drowning in alerts?',
      '2. Why do our Kafka consumers lag every Monday?',
      '',
    ].join('\n'));
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('heading', { name: '2 questions' }).waitFor();
    // The first is the bank's: offered, not taken unless chosen.
    const first = page.locator('.asked-lines > li').first();
    await first.getByText('How do you keep an on-call rotation from drowning in alerts?').waitFor();
    assert.equal(await page.locator('.asked-choice').count(), 1, 'only the close line is offered a bank question');
    await first.getByRole('radio', { name: "Practise the bank's question instead" }).check();
    assert.deepEqual(await axeViolations(page, 'asked review'), []);
    await noSidewaysScroll(page, 'the asked review');
    await screenshot(page, 'own-asked-review-360');
    await page.getByRole('button', { name: 'Keep 2 questions' }).click();
    await page.getByText('Kept 2 questions: due for practice tomorrow.').waitFor();

    const id = 'mine-why-do-our-kafka-consumers-lag';
    const own = await storedRecord(page, `opsdrill/own/${id}`);
    assert.equal(own.question, 'Why do our Kafka consumers lag every Monday?');
    assert.equal(own.asked, 'Acme, 2026-11-30, onsite 2');
    const cards = (await storedRecord(page, 'opsdrill/schedule')).cards;
    const tomorrow = await page.evaluate(() => {
      const d = new Date();
      d.setHours(24, 0, 0, 0);
      return d.getTime();
    });
    assert.equal(cards[id].due_ms, tomorrow);
    assert.equal(cards['alert-fatigue'].due_ms, tomorrow);
    const log = await storedRecord(page, 'opsdrill/interviews');
    assert.deepEqual(log.interviews[0].questions, ['alert-fatigue', id]);

    await page.goto(`${env.server.base}#/progress`);
    const entry = page.locator('.interview-list > li').first();
    await entry.getByText('2026-11-30 · Acme · onsite 2').waitFor();
    assert.deepEqual(await entry.locator('ul a').allInnerTexts(), [
      'How do you keep an on-call rotation from drowning in alerts?',
      'Why do our Kafka consumers lag every Monday?',
    ]);
    await screenshot(page, 'own-interview-log-360');
    await finish(session);
  });

  test('axe finds no violations on the editor, the list and a question, light and dark, at 360 and 1280', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      for (const colorScheme of ['light', 'dark']) {
        const session = await openApp(env, '#/questions', viewport, { colorScheme, bypassCSP: true });
        const { page } = session;
        await page.goto(`${env.server.base}#/questions/new`);
        await page.getByRole('heading', { level: 1, name: 'Add a question' }).waitFor();
        const name = `${viewport.width} ${colorScheme}`;
        assert.deepEqual(await axeViolations(page, `editor ${name}`), []);
        await noSidewaysScroll(page, `the editor at ${name}`);
        await page.goto(`${env.server.base}#/questions`);
        await addQuestion(page);
        assert.deepEqual(await axeViolations(page, `own question ${name}`), []);
        await page.goto(`${env.server.base}#/questions?mine=1`);
        await page.getByText('1 question', { exact: true }).waitFor();
        assert.deepEqual(await axeViolations(page, `mine ${name}`), []);
        await screenshot(page, `own-list-${viewport.width}-${colorScheme}`);
        await finish(session);
      }
    }
  });
});
