// The STAR story bank in real Chromium: stories are written once, linked to
// behavioural questions, survive reloads, show on the questions they answer,
// close gaps, go into backups and the Markdown export, and are deleted only
// after a confirmation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appReady, axeViolations, DESKTOP, downloadText, finish, noSidewaysScroll, openApp, PHONE, questionsIn,
  screenshot, serverAndBrowser, storedKeys, storedRecord,
} from './support.mjs';

const behavioural = questionsIn('behavioural');

const env = serverAndBrowser();

const CONFLICT = 'conflict-with-another-team';
const CONFLICT_TEXT = /clash between you and another team/;
const MANAGER = 'disagreeing-with-manager';
const MANAGER_TEXT = /disagreed with your manager/;
const COMMANDER = 'incident-commander-under-pressure';

const storyId = (page) => decodeURIComponent(new URL(page.url()).hash.replace(/^#\/stories\//, ''));
const storedStory = (page, id) => storedRecord(page, `opsdrill/story/${id}`);
const storyKeys = (page) => storedKeys(page, 'opsdrill/story/');

/** From the story list: "New story", then a title. Returns the new id. */
async function newStory(page, title) {
  await page.getByRole('button', { name: 'New story' }).click();
  await page.waitForURL(/#\/stories\/.+/);
  await page.getByRole('heading', { level: 1, name: 'Untitled story' }).waitFor();
  // A blank story starts in its title field.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'story-title');
  await page.keyboard.type(title);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return storyId(page);
}

describe('story bank', () => {
  test('write a story, link two questions, reload: it is kept, shown on the question and no longer a gap', async () => {
    const session = await openApp(env, '#/stories');
    const { page } = session;
    await page.getByText('No stories yet.').waitFor();
    assert.equal(await page.title(), 'Stories: OpsDrill');
    const gaps = page.locator('.gap-list li');
    assert.equal(await gaps.count(), behavioural);
    await screenshot(page, 'stories-empty-1280', { fullPage: false });

    // "New story" opened and left with nothing written is not kept.
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByRole('heading', { level: 1, name: 'Untitled story' }).waitFor();
    await page.getByRole('link', { name: '← All stories' }).first().click();
    await page.getByText('No stories yet.').waitFor();
    assert.equal((await storyKeys(page)).length, 0);

    const id = await newStory(page, 'The Friday failover');
    await page.getByRole('textbox', { name: 'Situation' }).fill('The primary database lost its disk on a Friday evening.');
    await page.getByRole('textbox', { name: 'Task' }).fill('I was incident commander.');
    await page.getByRole('textbox', { name: 'Action' }).fill('I split the work:\none person on the failover, one on comms.');
    await page.getByRole('textbox', { name: 'Result' }).fill('Back in 12 minutes, no data lost.');
    const tags = page.getByRole('textbox', { name: 'Tags' });
    await tags.click();
    await tags.pressSequentially('incident, leadership ,  , Incident', { delay: 5 });
    // What is typed stays as typed while typing.
    assert.equal(await tags.inputValue(), 'incident, leadership ,  , Incident');
    // Leaving the field tidies it.
    await tags.blur();
    assert.equal(await tags.inputValue(), 'incident, leadership');

    // Link two behavioural questions, one found through the filter.
    const filter = page.getByRole('searchbox', { name: 'Filter the questions' });
    await filter.fill('clash another team');
    assert.equal(await page.locator('.story-questions li:visible').count(), 1);
    await page.getByRole('checkbox', { name: CONFLICT_TEXT }).check();
    await filter.fill('');
    assert.equal(await page.locator('.story-questions li:visible').count(), behavioural);
    await page.getByRole('checkbox', { name: MANAGER_TEXT }).check();
    await page.getByText(`Linked to 2 of ${behavioural} behavioural questions.`).waitFor();
    await page.getByText('Saved', { exact: true }).waitFor();
    await screenshot(page, 'story-editor-1280');

    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'The Friday failover' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Title' }).inputValue(), 'The Friday failover');
    assert.equal(await page.getByRole('textbox', { name: 'Action' }).inputValue(), 'I split the work:\none person on the failover, one on comms.');
    assert.equal(await page.getByRole('textbox', { name: 'Result' }).inputValue(), 'Back in 12 minutes, no data lost.');
    assert.equal(await page.getByRole('textbox', { name: 'Tags' }).inputValue(), 'incident, leadership');
    assert.equal(await page.getByRole('checkbox', { name: CONFLICT_TEXT }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: MANAGER_TEXT }).isChecked(), true);
    const stored = await storedStory(page, id);
    assert.equal(stored.title, 'The Friday failover');
    assert.deepEqual(stored.tags, ['incident', 'leadership']);
    assert.deepEqual([...stored.questions].sort(), [CONFLICT, MANAGER].sort());

    // The list: title, tags, linked count; the two questions are no longer gaps.
    await page.getByRole('link', { name: '← All stories' }).click();
    await page.getByRole('heading', { level: 1, name: 'My stories' }).waitFor();
    const item = page.locator('.story-list li');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /The Friday failover/);
    assert.match(await item.innerText(), /Answers 2 questions · edited \d{4}-\d{2}-\d{2}/);
    assert.match(await item.innerText(), /incident\s+leadership/);
    assert.equal(await gaps.count(), behavioural - 2);
    const gapText = await page.locator('.gap-list').innerText();
    assert.doesNotMatch(gapText, CONFLICT_TEXT);
    assert.doesNotMatch(gapText, MANAGER_TEXT);
    assert.match(await page.locator('.story-gaps').innerText(), new RegExp(`${behavioural - 2} of ${behavioural} behavioural questions have no story yet`));
    await screenshot(page, 'stories-list-1280');

    // The linked question shows it, collapsed, with its STAR text inside.
    await page.goto(`${env.server.base}#/q/${CONFLICT}`);
    const section = page.locator('section.linked-stories');
    await page.getByRole('heading', { level: 2, name: 'Your stories' }).waitFor();
    const summary = section.locator('summary', { hasText: 'The Friday failover' });
    await summary.waitFor();
    assert.equal(await section.getByText('Back in 12 minutes, no data lost.').isVisible(), false);
    await summary.click();
    assert.equal(await section.getByText('Back in 12 minutes, no data lost.').isVisible(), true);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'question-with-story-1280', { fullPage: false });
    await section.getByRole('link', { name: 'Edit story: The Friday failover' }).click();
    await page.waitForURL(new RegExp(`#/stories/${id}$`));
    await finish(session);
  });

  test('a title typed and reloaded at once is kept', async () => {
    const session = await openApp(env, '#/stories');
    const { page } = session;
    const id = await newStory(page, 'Pager storm');
    // No waiting for the save: pagehide must write it.
    await page.reload();
    await appReady(page);
    assert.equal(await page.getByRole('textbox', { name: 'Title' }).inputValue(), 'Pager storm');
    assert.equal((await storedStory(page, id)).title, 'Pager storm');
    await finish(session);
  });

  test('stories are in the exported backup and the Markdown export', async () => {
    const session = await openApp(env, '#/stories');
    const { page } = session;
    const id = await newStory(page, 'Vendor outage');
    await page.getByRole('textbox', { name: 'Result' }).fill('We moved DNS to a second provider in a week.');
    await page.getByRole('checkbox', { name: MANAGER_TEXT }).check();
    await page.getByRole('textbox', { name: 'Result' }).blur();
    await page.getByText('Saved', { exact: true }).waitFor();

    await page.goto(`${env.server.base}#/settings`);
    const backupText = await downloadText(page, page.getByRole('button', { name: 'Export backup' }).first());
    const data = JSON.parse(backupText);
    assert.equal(data.stories[id].title, 'Vendor outage');
    assert.equal(data.stories[id].star.result, 'We moved DNS to a second provider in a week.');
    assert.deepEqual(data.stories[id].questions, [MANAGER]);

    const md = await downloadText(page, page.getByRole('button', { name: /Export answers and stories as Markdown/ }));
    assert.match(md, /# My stories\n\n## Vendor outage\n/);
    assert.match(md, /\*\*Result\.\*\* We moved DNS to a second provider in a week\./);
    assert.match(md, /- Tell me about a time you disagreed with your manager/);
    await finish(session);

    // The backup brings the story into a fresh profile, linked as before.
    const other = await openApp(env, '#/settings');
    await other.page.getByLabel('Import backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    await other.page.getByText('1 new story added').waitFor();
    await other.page.getByRole('button', { name: 'Merge into my data' }).click();
    await other.page.getByText(/^Imported /).waitFor();
    await other.page.goto(`${env.server.base}#/q/${MANAGER}`);
    await other.page.getByText('Vendor outage').waitFor();
    const imported = await storedStory(other.page, id);
    assert.equal(imported.star.result, 'We moved DNS to a second provider in a week.');
    await finish(other);
  });

  test('from a behavioural question: write a new story for it, link another, unlink (phone size)', async () => {
    const session = await openApp(env, `#/q/${MANAGER}`, PHONE);
    const { page } = session;
    await page.getByText('No story linked yet.').waitFor();
    await page.getByRole('button', { name: 'Write a new story for this question' }).click();
    await page.waitForURL(/#\/stories\/.+/);
    const id = storyId(page);
    // The new story is already linked to the question it was started from.
    assert.equal(await page.getByRole('checkbox', { name: MANAGER_TEXT }).isChecked(), true);
    await page.getByRole('textbox', { name: 'Title' }).fill('Rollback over the release date');
    await page.getByRole('textbox', { name: 'Situation' }).fill('My manager wanted the release out on Friday.');
    await page.getByText('Saved', { exact: true }).waitFor();
    await noSidewaysScroll(page, 'the story editor at 360px');
    await screenshot(page, 'story-editor-360');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: MANAGER_TEXT }).waitFor();
    await page.locator('section.linked-stories summary', { hasText: 'Rollback over the release date' }).click();
    await page.getByText('My manager wanted the release out on Friday.').waitFor();
    await noSidewaysScroll(page, 'a question with a story at 360px');
    await screenshot(page, 'question-with-story-360', { fullPage: false });

    // Another behavioural question: link the existing story through the select.
    await page.goto(`${env.server.base}#/q/${COMMANDER}`);
    await page.getByRole('heading', { level: 2, name: 'Your stories' }).waitFor();
    const linkButton = page.getByRole('button', { name: 'Link', exact: true });
    assert.equal(await linkButton.isDisabled(), true);
    await page.getByLabel('Link a story').selectOption({ label: 'Rollback over the release date' });
    await linkButton.click();
    await page.locator('section.linked-stories summary', { hasText: 'Rollback over the release date' }).waitFor();
    await page.waitForFunction(
      ([key, q]) => JSON.parse(localStorage.getItem(key) ?? '{}').questions?.includes(q),
      [`opsdrill/story/${id}`, COMMANDER],
    );
    // Nothing left to link: the select goes away.
    assert.equal(await page.getByLabel('Link a story').count(), 0);

    await page.locator('section.linked-stories summary').click();
    await page.getByRole('button', { name: 'Unlink story: Rollback over the release date' }).click();
    await page.getByText('No story linked yet.').waitFor();
    assert.deepEqual((await storedStory(page, id)).questions, [MANAGER]);

    // Other categories have no story section.
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    await page.getByRole('heading', { level: 2, name: 'Your answer' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Your stories' }).count(), 0);
    await finish(session);
  });

  test('tag chips filter the list', async () => {
    const session = await openApp(env, '#/stories');
    const { page } = session;
    for (const [title, tags] of [['Kubernetes upgrade', 'k8s, migration'], ['Mentoring Sam', 'mentoring'], ['Cluster autoscaler', 'K8s']]) {
      await page.goto(`${env.server.base}#/stories`);
      await newStory(page, title);
      await page.getByRole('textbox', { name: 'Tags' }).fill(tags);
    }
    await page.goto(`${env.server.base}#/stories`);
    const items = page.locator('.story-list li');
    // The list is drawn once the page's chunk has run, a moment after the hash changes.
    await page.getByRole('button', { name: 'All (3)' }).waitFor();
    assert.equal(await items.count(), 3);
    await page.getByRole('button', { name: 'k8s (2)' }).click();
    await page.getByText('2 stories tagged “k8s”').waitFor();
    assert.deepEqual(await items.locator('.story-title').allInnerTexts(), ['Cluster autoscaler', 'Kubernetes upgrade']);
    assert.equal(await page.getByRole('button', { name: 'k8s (2)' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'All (3)' }).click();
    await page.getByRole('button', { name: 'All (3)' }).and(page.locator('[aria-pressed="true"]')).waitFor();
    assert.equal(await items.count(), 3);
    await finish(session);
  });

  test('deleting asks first, then removes the story; an unknown id says so', async () => {
    const session = await openApp(env, '#/stories');
    const { page } = session;
    const id = await newStory(page, 'Doomed story');
    await page.getByText('Saved', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete story' }).click();
    await page.getByText('Delete “Doomed story”? This cannot be undone.').waitFor();
    // Asking deletes nothing; "No" keeps it and returns to the button.
    assert.notEqual(await storedStory(page, id), null);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'No, keep it');
    await screenshot(page, 'story-delete-confirm-1280', { fullPage: false });
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await page.getByRole('button', { name: 'Delete story' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Delete story');
    assert.notEqual(await storedStory(page, id), null);

    await page.getByRole('button', { name: 'Delete story' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.waitForURL(/#\/stories$/);
    await page.getByText('Deleted “Doomed story”.').waitFor();
    await page.getByText('No stories yet.').waitFor();
    assert.deepEqual(await storyKeys(page), []);
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('.story-list li').count(), 0);

    // The deleted story's address, and any other unknown id.
    await page.goto(`${env.server.base}#/stories/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Story not found' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(`no story with the id “${id}”`));
    await page.goto(`${env.server.base}#/stories/no-such-thing`);
    await page.getByText('There is no story with the id “no-such-thing”').waitFor();
    await page.getByRole('link', { name: '← All stories' }).click();
    await page.getByRole('heading', { level: 1, name: 'My stories' }).waitFor();
    await finish(session);
  });

  test('axe finds no violations on the list, the editor and a question with a story; no sideways scroll', async () => {
    const found = [];
    for (const colorScheme of ['light', 'dark']) {
      for (const viewport of [PHONE, DESKTOP]) {
        const session = await openApp(env, '#/stories', viewport, { bypassCSP: true, colorScheme });
        const { page } = session;
        const size = `${colorScheme}, ${viewport.width}px`;
        found.push(...(await axeViolations(page, `empty list (${size})`)));
        const id = await newStory(page, 'Axe story');
        await page.getByRole('textbox', { name: 'Tags' }).fill('incident, on call');
        await page.getByRole('checkbox', { name: CONFLICT_TEXT }).check();
        await page.getByRole('textbox', { name: 'Result' }).fill('Fewer pages.');
        await page.getByRole('button', { name: 'Delete story' }).click();
        await page.getByRole('button', { name: 'Yes, delete' }).waitFor();
        found.push(...(await axeViolations(page, `editor, confirming delete (${size})`)));
        await noSidewaysScroll(page, `the editor (${size})`);
        if (viewport.width === 360) await screenshot(page, `story-editor-confirm-${colorScheme}-360`, { fullPage: false });
        await page.getByRole('button', { name: 'No, keep it' }).click();
        await page.goto(`${env.server.base}#/stories`);
        await page.locator('.story-list li').first().waitFor();
        found.push(...(await axeViolations(page, `list (${size})`)));
        await noSidewaysScroll(page, `the list (${size})`);
        await screenshot(page, `stories-list-${colorScheme}-${viewport.width}`, { fullPage: false });
        await page.goto(`${env.server.base}#/q/${CONFLICT}`);
        await page.locator('section.linked-stories summary').click();
        found.push(...(await axeViolations(page, `question with a story (${size})`)));
        await noSidewaysScroll(page, `a question with a story (${size})`);
        await page.goto(`${env.server.base}#/stories/${id}`);
        await page.getByRole('heading', { level: 1, name: 'Axe story' }).waitFor();
        await page.goto(`${env.server.base}#/stories/missing`);
        await page.getByRole('heading', { level: 1, name: 'Story not found' }).waitFor();
        found.push(...(await axeViolations(page, `unknown story (${size})`)));
        await finish(session);
      }
    }
    assert.deepEqual(found, []);
  });
});
