// Browse and read: the foundation's user journeys in real Chromium against the
// release build served by a plain static file server.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appReady, DESKTOP, finish, newPage, noSidewaysScroll, openApp, PHONE, questionsIn, screenshot, serverAndBrowser,
} from './support.mjs';

const total = ['general', 'technical', 'behavioural', 'ask', 'labs'].map(questionsIn).reduce((a, b) => a + b, 0);

const env = serverAndBrowser();

describe('browse and read', () => {
  test('home → category → question → reveal → reload the deep link', async () => {
    const session = await openApp(env);
    const { page } = session;

    const technical = page.getByRole('link', { name: /Technical/ });
    await assert.doesNotReject(technical.waitFor());
    assert.match(await technical.innerText(), new RegExp(`${questionsIn('technical')} questions`));
    await screenshot(page, 'home-1280');
    await technical.click();

    await page.waitForURL(/#\/questions\?category=technical/);
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    const items = page.locator('.question-list li');
    assert.equal(await items.count(), questionsIn('technical'));
    await screenshot(page, 'questions-technical-1280', { fullPage: false });

    const first = items.first().locator('.question-text');
    const questionText = await first.innerText();
    await first.click();
    await page.waitForURL(/#\/q\/[a-z0-9-]+/);
    // The question page replaces the list (waiting for it, not the URL).
    const h1 = page.getByRole('heading', { level: 1, name: questionText, exact: true });
    await h1.waitFor();
    assert.equal(await h1.innerText(), questionText);

    // The answer material is behind the button.
    const model = page.getByRole('heading', { level: 2, name: /Model answer/ });
    assert.equal(await model.isVisible(), false);
    const reveal = page.getByRole('button', { name: 'Show model answer' });
    await reveal.click();
    await model.waitFor({ state: 'visible' });
    for (const name of ['How to structure your answer', 'Talking points', 'Tip', 'Pitfalls', 'Follow-ups']) {
      assert.ok(await page.getByRole('heading', { level: 2, name }).isVisible(), `${name} is shown`);
    }
    await screenshot(page, 'question-revealed-1280');

    // Reload the deep link: the same question, read from the hash on load.
    const deepLink = page.url();
    await page.reload();
    await appReady(page);
    assert.equal(page.url(), deepLink);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), questionText);

    // And in a brand-new tab.
    const other = await session.context.newPage();
    await other.goto(deepLink);
    await appReady(other);
    assert.equal(await other.getByRole('heading', { level: 1 }).innerText(), questionText);
    await finish(session);
  });

  test('search narrows the list as you type and survives a reload', async () => {
    const session = await openApp(env, '#/questions');
    const { page } = session;
    const items = page.locator('.question-list li');
    assert.equal(await items.count(), total);

    const search = page.getByRole('searchbox', { name: 'Search questions' });
    await search.pressSequentially('rollback', { delay: 20 });
    await page.waitForFunction((n) => document.querySelectorAll('.question-list li').length < n, total);
    // Until the whole bank is in, the count says it is partial.
    await page.locator('.search-partial').waitFor({ state: 'detached' });
    const narrowed = await items.count();
    assert.ok(narrowed > 0 && narrowed < total, `rollback matched ${narrowed} of ${total}`);
    assert.match(await page.getByRole('status').innerText(), new RegExp(`^${narrowed} question`));

    // Case-insensitive, and every word must match.
    await search.fill('ROLLBACK canary');
    await page.waitForFunction((n) => document.querySelectorAll('.question-list li').length <= n, narrowed);
    const both = await items.count();
    assert.ok(both > 0 && both <= narrowed);

    await search.fill('zzzz no such words');
    await page.getByText('No question matches').waitFor();
    await page.getByRole('button', { name: 'clear the filters' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.question-list li').length === n, total);

    // The filter is kept in the URL, so a reload shows the same list.
    await search.fill('postmortem');
    await page.waitForURL(/q=postmortem/);
    const filtered = await items.count();
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByRole('searchbox', { name: 'Search questions' }).inputValue(), 'postmortem');
    await page.locator('.search-partial').waitFor({ state: 'detached' });
    assert.equal(await items.count(), filtered);
    await finish(session);
  });

  test('category and topic filters, and previous/next within the filtered list', async () => {
    const session = await openApp(env, '#/questions');
    const { page } = session;
    await page.getByRole('button', { name: 'Behavioural' }).click();
    const items = page.locator('.question-list li');
    await page.waitForFunction((n) => document.querySelectorAll('.question-list li').length === n, questionsIn('behavioural'));
    assert.equal(await page.getByRole('button', { name: 'Behavioural' }).getAttribute('aria-pressed'), 'true');

    await page.getByLabel('Topic').selectOption('kubernetes');
    const both = await items.count();
    assert.ok(both >= 1 && both < questionsIn('behavioural'), `behavioural + kubernetes: ${both}`);
    for (const meta of await page.locator('.question-list .question-meta').allInnerTexts()) {
      assert.match(meta, /Behavioural/);
      assert.match(meta, /Kubernetes/);
    }

    await page.getByLabel('Topic').selectOption('');
    await items.nth(1).locator('a').click();
    await page.getByText(`2 of ${questionsIn('behavioural')}`).waitFor();
    const second = await page.getByRole('heading', { level: 1 }).innerText();
    await page.getByRole('link', { name: /Next/ }).click();
    await page.getByText(`3 of ${questionsIn('behavioural')}`).waitFor();
    assert.notEqual(await page.getByRole('heading', { level: 1 }).innerText(), second);
    await page.getByRole('link', { name: /Previous/ }).click();
    await page.getByText(`2 of ${questionsIn('behavioural')}`).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), second);
    await page.getByRole('link', { name: '← All questions' }).click();
    await page.waitForURL(/#\/questions\?category=behavioural$/);
    await finish(session);
  });

  test('an unknown question id and an unknown page say so, with a way back', async () => {
    const session = await openApp(env, '#/q/no-such-question');
    const { page } = session;
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Question not found');
    assert.match(await page.locator('main').innerText(), /no-such-question/);
    await page.getByRole('link', { name: 'Browse all questions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();

    await page.goto(`${env.server.base}#/definitely/not/here`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: /Browse all \d+ questions/ }).waitFor();
    await finish(session);
  });

  test('primary navigation links exist and mark the current page', async () => {
    const session = await openApp(env);
    const { page } = session;
    const nav = page.getByRole('navigation', { name: 'Primary' });
    for (const name of ['Practice', 'Questions', 'Progress', 'Settings']) {
      await nav.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      assert.equal(await nav.getByRole('link', { name }).getAttribute('aria-current'), 'page');
    }
    await finish(session);
  });

  test('phone size: no horizontal scroll on any page; screenshots at both sizes', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const session = await newPage(env.browser, env.server.base, viewport);
      const { page } = session;
      const { width } = viewport;
      const pages = [
        ['home', ''],
        ['questions', '#/questions'],
        ['question', '#/q/alert-fatigue'],
        ['not-found', '#/q/nope'],
        ['practice', '#/practice'],
      ];
      for (const [name, hash] of pages) {
        await page.goto(`${env.server.base}${hash}`);
        await appReady(page);
        if (name === 'question') await page.getByRole('button', { name: 'Show model answer' }).click();
        await noSidewaysScroll(page, `${name} at ${width}px`);
        await screenshot(page, `${name}-${width}`, { fullPage: name !== 'questions' });
      }
      await finish(session);
    }
  });
});

describe('keyboard and appearance', () => {
  test('shortcuts: / searches, space reveals, j/k move, ? lists them', async () => {
    const session = await openApp(env);
    const { page } = session;
    await page.keyboard.press('/');
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Search questions');
    await page.keyboard.type('runbook');
    await page.waitForURL(/q=runbook/);
    await page.locator('.question-list a').first().click();
    await page.getByText(/^1 of \d+/).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Hide model answer' }).waitFor();
    await page.keyboard.press('j');
    await page.getByText(/^2 of \d+/).waitFor();
    await page.keyboard.press('k');
    await page.getByText(/^1 of \d+/).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    assert.match(await help.innerText(), /Rate: Again, Hard, Good, Easy/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // Typing in a field is never taken for a shortcut.
    await page.getByRole('textbox', { name: 'Your answer' }).fill('');
    await page.getByRole('textbox', { name: 'Your answer' }).pressSequentially('j k / ?');
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), 'j k / ?');
    await page.getByText(/^1 of \d+/).waitFor();
    await finish(session);
  });

  test('dark mode follows the system, and Settings can override it', async () => {
    const session = await openApp(env, '#/settings', PHONE, { colorScheme: 'dark' });
    const { page } = session;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), 'rgb(21, 23, 26)');
    await page.getByLabel('Theme').selectOption('light');
    assert.equal(await background(), 'rgb(251, 251, 250)');
    await page.reload();
    await appReady(page);
    assert.equal(await background(), 'rgb(251, 251, 250)', 'the choice is kept');
    await screenshot(page, 'settings-light-override-360', { fullPage: false });
    await page.getByLabel('Theme').selectOption('dark');
    assert.equal(await background(), 'rgb(21, 23, 26)');
    await screenshot(page, 'settings-dark-360', { fullPage: false });
    await finish(session);
  });
});
