// Troubleshooting labs and the follow-up drill in real Chromium: a lab is
// worked step by step (evidence, the user's read, the expert read), what the
// user writes survives a reload, and the follow-ups are drilled one by one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appReady, finish, noSidewaysScroll, openApp, PHONE, questionsIn, screenshot, serverAndBrowser, storedRecord,
} from './support.mjs';

const env = serverAndBrowser();

const labsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content/questions/labs');
const LAB = readdirSync(labsDir).filter((f) => f.endsWith('.md')).sort()[0].replace(/\.md$/, '');
const source = readFileSync(path.join(labsDir, `${LAB}.md`), 'utf8');
const STEPS = source.match(/^## Step \d+$/gm).length;
const followUps = source.split('## Follow-ups')[1];
const FOLLOW_UPS = followUps.match(/^#{3,4} .+$/gm).map((line) => line.replace(/^#+ /, ''));

describe('troubleshooting labs', () => {
  test('the Labs filter lists the labs', async () => {
    const session = await openApp(env, '#/questions');
    const { page } = session;
    await page.getByRole('button', { name: 'Labs' }).first().click();
    await page.waitForURL(/category=labs/);
    assert.equal(await page.locator('.question-list li').count(), questionsIn('labs'));
    await finish(session);
  });

  test('a lab is worked step by step, and the reads survive a reload', async () => {
    const session = await openApp(env, `#/q/${LAB}`, PHONE);
    const { page } = session;
    await page.getByRole('heading', { level: 2, name: 'Scenario' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `Step 1 of ${STEPS}` }).waitFor();
    // Only step 1's evidence is on screen; nothing of the answer yet.
    assert.equal(await page.locator('.lab-step').count(), 1);
    assert.equal(await page.getByRole('heading', { name: 'Root cause' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Good' }).count(), 0);
    // Evidence keeps its lines and scrolls inside its box, not the page.
    await noSidewaysScroll(page, 'a lab at 360px');
    const wide = await page.locator('.evidence pre').first().evaluate((pre) => pre.scrollWidth > pre.clientWidth);
    assert.ok(wide, 'the first artefact is wider than a phone and scrolls sideways');
    await page.locator('.lab-step').first().scrollIntoViewIfNeeded();
    await page.locator('.lab-step h2').first().evaluate((h) => h.scrollIntoView());
    await screenshot(page, 'lab-step-1-360', { fullPage: false });

    const read = page.locator('#lab-read-1');
    await read.fill('Space is held by deleted files; run lsof +L1.');
    await page.getByRole('button', { name: 'Reveal the expert read' }).click();
    await page.getByRole('heading', { level: 3, name: 'Expert read' }).waitFor();
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('heading', { level: 2, name: `Step 2 of ${STEPS}` }).waitFor();
    // Keyboard and screen-reader users land on the new step.
    await page.waitForFunction(() => document.activeElement?.id === 'lab-step-2');
    assert.equal(await page.getByRole('button', { name: 'Next step' }).count(), 0, 'only after revealing step 2');

    // A reload comes back at the first step without a read, the read kept.
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('#lab-read-1').inputValue(), 'Space is held by deleted files; run lsof +L1.');
    await page.getByRole('heading', { level: 2, name: `Step 2 of ${STEPS}` }).waitFor();
    for (let n = 2; n <= STEPS; n++) {
      await page.locator(`#lab-read-${n}`).fill(`My read of step ${n}.`);
      await page.locator('.lab-step').nth(n - 1).getByRole('button', { name: 'Reveal the expert read' }).click();
      await page.getByRole('button', { name: n < STEPS ? 'Next step' : 'Show the root cause' }).click();
    }
    await page.getByRole('heading', { level: 2, name: 'Root cause' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Prevention' }).waitFor();
    await screenshot(page, 'lab-end-360');

    const stored = await storedRecord(page, `opsdrill/answer/${LAB}`);
    assert.equal(stored.steps.length, STEPS);
    assert.equal(stored.steps[0], 'Space is held by deleted files; run lsof +L1.');
    assert.equal(stored.steps[STEPS - 1], `My read of step ${STEPS}.`);

    // Rated and scheduled like any question.
    await page.getByRole('button', { name: 'Good' }).click();
    await page.getByText(/^Rated Good\. Back /).waitFor();
    assert.ok((await storedRecord(page, 'opsdrill/schedule')).cards[LAB], 'the lab has a scheduled card');
    await finish(session);
  });

  test('the follow-ups are drilled one at a time, each answer saved', async () => {
    const session = await openApp(env, `#/q/${LAB}`);
    const { page } = session;
    // A lab whose every step has a read opens at its end.
    await page.evaluate(([key, steps]) => {
      localStorage.setItem(key, JSON.stringify({ version: 1, text: '', steps, updated_ms: Date.now() }));
    }, [`opsdrill/answer/${LAB}`, Array.from({ length: STEPS }, (_, i) => `Read ${i + 1}.`)]);
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { level: 2, name: 'Follow-ups' }).waitFor();
    await page.getByRole('button', { name: 'Drill the follow-ups' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'follow-up-drill-focus');
    for (const [i, question] of FOLLOW_UPS.entries()) {
      await page.getByText(new RegExp(`^${i + 1} of ${FOLLOW_UPS.length}, `)).waitFor();
      const box = page.getByRole('textbox', { name: question.replace(/`/g, '') });
      await box.fill(`Answer ${i + 1}.`);
      await page.getByRole('button', { name: 'Reveal the answer' }).click();
      await page.getByRole('heading', { level: 4, name: 'Our answer' }).waitFor();
      if (i === 1) await screenshot(page, 'follow-up-drill-step-1280', { fullPage: false });
      const last = i + 1 === FOLLOW_UPS.length;
      await page.getByRole('button', { name: last ? 'Finish the drill' : 'Next follow-up' }).click();
    }
    await page.getByText(`You drilled all ${FOLLOW_UPS.length} follow-ups.`, { exact: false }).waitFor();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    const stored = await storedRecord(page, `opsdrill/answer/${LAB}`);
    assert.equal(Object.keys(stored.follow_ups).length, FOLLOW_UPS.length);
    assert.equal(stored.follow_ups[FOLLOW_UPS[0].replace(/`/g, '')], 'Answer 1.');
    assert.equal(stored.steps[0], 'Read 1.', 'the step reads are untouched');
    await page.locator('.follow-up-drill').evaluate((d) => d.scrollIntoView());
    await screenshot(page, 'follow-up-drill-done-1280', { fullPage: false });
    await finish(session);
  });
});
