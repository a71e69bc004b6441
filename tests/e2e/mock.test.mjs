// Mock interviews and dictation in real Chromium. The page clock is
// Playwright's fake clock, so a two-minute countdown runs out in no time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, finish, noSidewaysScroll, openApp, PHONE, questionsIn, screenshot, serverAndBrowser, storedRecord } from './support.mjs';

const env = serverAndBrowser();

const announced = (page) => page.locator('[aria-live="assertive"]').innerText();
/** The question ids that the links in `links` point to. */
const questionIds = (links) =>
  links.evaluateAll((all) => all.map((a) => decodeURIComponent(new URL(a.href).hash.split('/')[2].split('?')[0])));

/** Gives every question on the list shown an old answer; returns their ids. */
async function oldAnswersForListed(page) {
  const ids = await questionIds(page.locator('.question-list a'));
  await page.evaluate((all) => {
    for (const id of all) {
      localStorage.setItem(`opsdrill/answer/${id}`, JSON.stringify({ version: 1, text: `Old answer for ${id}`, updated_ms: 1_000 }));
    }
  }, ids);
  return ids;
}

describe('mock interview', () => {
  test('three timed questions: answers saved (earlier text kept), time-up moves on, summary, rating, history', async () => {
    // Every "ask" question already has an answer, so each mock answer replaces one.
    const session = await openApp(env, '#/questions?category=ask', PHONE, { init: ({ page }) => page.clock.install() });
    const { page } = session;
    const ids = await oldAnswersForListed(page);
    assert.equal(ids.length, questionsIn('ask'));

    await page.goto(`${env.server.base}#/practice`);
    await page.reload();
    await appReady(page);
    await page.getByRole('link', { name: 'Start mock interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mock interview' }).waitFor();
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByLabel('Time per question').selectOption({ label: '1 minute' });
    for (const name of [/^General/, /^Technical/, /^Behavioural/]) {
      await page.getByRole('checkbox', { name }).uncheck();
    }
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByText('Choose at least one category.').waitFor();
    await page.getByRole('checkbox', { name: /^Questions to ask/ }).check();
    await page.getByRole('checkbox', { name: /^Ask follow-ups/ }).uncheck();
    await page.getByRole('button', { name: 'Start mock interview' }).click();

    // Question 1: starts blank, typed, "Next question".
    await page.getByText('Question 1 of 3', { exact: true }).waitFor();
    assert.equal(await page.getByRole('timer').innerText(), '1:00');
    const editor = page.getByRole('textbox', { name: 'Your answer' });
    assert.equal(await editor.inputValue(), '', 'a mock answer starts blank');
    assert.equal(await page.getByText(/earlier version/).count(), 0, 'no earlier versions inside the mock');
    await editor.fill('I would ask how on-call load is measured and who fixes noisy alerts.');
    await screenshot(page, 'mock-question-360', { fullPage: false });
    await page.getByRole('button', { name: 'Next question' }).click();

    // Question 2: typed, then the clock runs: a warning at 30 s, time-up at 0.
    await page.getByText('Question 2 of 3', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Second answer written against the clock.');
    await page.clock.fastForward(31_000);
    await page.waitForFunction(() => document.querySelector('[aria-live="assertive"]').textContent === '30 seconds left.');
    assert.match(await page.getByRole('timer').getAttribute('class'), /warning/);
    await page.clock.fastForward(30_000);
    await page.getByText('Question 3 of 3', { exact: true }).waitFor();
    assert.equal(await announced(page), 'Time is up. Next question.');

    // Question 3: nothing written, "Finish".
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { level: 2, name: /^Summary:/ }).waitFor();
    const items = page.locator('.mock-item');
    assert.equal(await items.count(), 3);
    assert.match(await items.nth(0).innerText(), /13 words/);
    assert.match(await items.nth(1).innerText(), /1:00 of 1:00 used/);
    assert.match(await items.nth(1).innerText(), /6 words/);
    assert.match(await items.nth(2).innerText(), /0 words/);
    const asked = await questionIds(items.locator('h3 a'));

    // Saved as the user's answers; the earlier text is kept, not lost.
    const first = await storedRecord(page, `opsdrill/answer/${asked[0]}`);
    assert.equal(first.text, 'I would ask how on-call load is measured and who fixes noisy alerts.');
    assert.deepEqual(first.previous.map((v) => v.text), [`Old answer for ${asked[0]}`]);
    const second = await storedRecord(page, `opsdrill/answer/${asked[1]}`);
    assert.equal(second.text, 'Second answer written against the clock.');
    // Nothing written: the old answer is back, with no extra version.
    const third = await storedRecord(page, `opsdrill/answer/${asked[2]}`);
    assert.equal(third.text, `Old answer for ${asked[2]}`);
    assert.equal(third.previous, undefined);

    // Rating from the summary schedules the question.
    await items.nth(0).getByRole('button', { name: 'Good' }).click();
    await items.nth(0).getByText('Rated Good.').waitFor();
    const schedule = await storedRecord(page, 'opsdrill/schedule');
    assert.ok(schedule.cards[asked[0]], 'the rated question has a card');
    await screenshot(page, 'mock-summary-360');

    // History survives a reload.
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: 'Past mock interviews' }).waitFor();
    assert.match(await page.locator('.mock-history').innerText(), /3 questions · 1 of 1 rated Good or Easy/);

    // The question page offers the earlier version back.
    await page.goto(`${env.server.base}#/q/${asked[0]}`);
    await page.getByText('1 earlier version').click();
    await page.getByRole('button', { name: 'Use this version' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), `Old answer for ${asked[0]}`);
    const swapped = await storedRecord(page, `opsdrill/answer/${asked[0]}`);
    assert.deepEqual(swapped.previous.map((v) => v.text), ['I would ask how on-call load is measured and who fixes noisy alerts.']);
    await finish(session);
  });

  test('reloading mid-question: an untouched answer is unchanged, a typed one is kept with the old text as a version', async () => {
    const session = await openApp(env, '#/questions?category=general');
    const { page } = session;
    await oldAnswersForListed(page);
    const startMock = async () => {
      await page.goto(`${env.server.base}#/mock`);
      await page.reload();
      await appReady(page);
      for (const name of [/^Technical/, /^Behavioural/]) await page.getByRole('checkbox', { name }).uncheck();
      await page.getByRole('button', { name: 'Start mock interview' }).click();
      await page.getByText('Question 1 of 5', { exact: true }).waitFor();
    };
    // Untouched, then the tab is reloaded: nothing changes.
    await startMock();
    await page.reload();
    await appReady(page);
    const first = (await storedRecord(page, 'opsdrill/mocks')).sessions[0].items[0].id;
    const untouched = await storedRecord(page, `opsdrill/answer/${first}`);
    assert.equal(untouched.text, `Old answer for ${first}`);
    assert.equal(untouched.previous, undefined);
    // Typed, then reloaded at once: the new text is the answer, the old one a version.
    await startMock();
    await page.getByRole('textbox', { name: 'Your answer' }).pressSequentially('Typed on the train', { delay: 5 });
    await page.reload();
    await appReady(page);
    const history = (await storedRecord(page, 'opsdrill/mocks')).sessions;
    assert.equal(history.length, 2, 'both interviews recorded when the page was left');
    const second = history[1].items[0].id;
    const typed = await storedRecord(page, `opsdrill/answer/${second}`);
    assert.equal(typed.text, 'Typed on the train');
    assert.deepEqual(typed.previous.map((v) => v.text), [`Old answer for ${second}`]);
    await finish(session);
  });

  test('leaving in the middle keeps what was written and records the questions reached', async () => {
    const session = await openApp(env, '#/mock');
    const { page } = session;
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByText('Question 1 of 5', { exact: true }).waitFor();
    const field = page.locator('.answer-editor textarea').first();
    await field.fill('Half an answer, then the train arrived.');
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    const history = await storedRecord(page, 'opsdrill/mocks');
    assert.equal(history.sessions.length, 1);
    assert.equal(history.sessions[0].items.length, 1);
    const id = history.sessions[0].items[0].id;
    const answer = await storedRecord(page, `opsdrill/answer/${id}`);
    const written = answer.text || answer.star.situation;
    assert.equal(written, 'Half an answer, then the train arrived.');
    await finish(session);
  });

  test('follow-ups after a question within its time, and a lab worked step by step against one clock', async () => {
    const session = await openApp(env, '#/mock', PHONE, { init: ({ page }) => page.clock.install() });
    const { page } = session;
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByLabel('Time per question').selectOption({ label: '2 minutes' });
    assert.equal(await page.getByRole('checkbox', { name: /^Ask follow-ups/ }).isChecked(), true, 'on by default');
    for (const name of [/^General/, /^Behavioural/]) await page.getByRole('checkbox', { name }).uncheck();
    await page.getByRole('button', { name: 'Start mock interview' }).click();

    // The question, then one or two follow-ups on the same clock.
    await page.getByText('Question 1 of 3', { exact: true }).waitFor();
    const question = await page.locator('#mock-question').innerText();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('The main answer.');
    await page.clock.fastForward(20_000);
    await page.getByRole('button', { name: 'Next: a follow-up' }).click();
    await page.getByText(/^Follow-up 1 of [12]$/).waitFor();
    assert.equal(await page.locator('.mock-context').innerText(), question, 'the question stays in view');
    assert.equal(await announced(page), 'Follow-up 1.');
    const followUp = await page.locator('#mock-question').innerText();
    assert.match(await page.getByRole('timer').innerText(), /^1:(40|39)$/, 'the question\'s clock runs on');
    const field = page.getByRole('textbox', { name: followUp });
    assert.equal(await field.inputValue(), '');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'mock-follow-up-answer', 'focus is in the follow-up answer');
    await field.fill('A follow-up answer under time.');
    await noSidewaysScroll(page, 'a mock follow-up at 360px');
    await screenshot(page, 'mock-follow-up-360', { fullPage: false });
    while ((await page.getByRole('button', { name: 'Next question' }).count()) === 0) {
      await page.getByRole('button', { name: 'Next: a follow-up' }).click();
    }
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('Question 2 of 3', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('heading', { level: 2, name: /^Summary:/ }).waitFor();
    const first = page.locator('.mock-item').first();
    assert.match(await first.innerText(), new RegExp(`Follow-ups asked:\\s*${followUp.replace(/[?.*+()[\]]/g, '\\$&')}`));
    const id = (await first.locator('h3 a').getAttribute('href')).split('/')[2];
    const stored = await storedRecord(page, `opsdrill/answer/${id}`);
    assert.equal(stored.text, 'The main answer.');
    assert.equal(stored.follow_ups[followUp], 'A follow-up answer under time.');
    const record = (await storedRecord(page, 'opsdrill/mocks')).sessions[0];
    assert.equal(record.items[0].follow_ups[0], followUp);

    // Labs only: the scenario and step 1's evidence, a read per step, one clock for the lab.
    await page.getByRole('button', { name: 'New mock interview' }).click();
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByLabel('Time per question').selectOption({ label: '1 minute' });
    for (const name of [/^General/, /^Technical/, /^Behavioural/]) await page.getByRole('checkbox', { name }).uncheck();
    await page.getByRole('checkbox', { name: /^Labs/ }).check();
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByText('Question 1 of 3', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Scenario' }).waitFor();
    const steps = Number((await page.locator('.drill-count').innerText()).match(/^Step 1 of (\d)$/)[1]);
    assert.equal(await page.getByRole('timer').innerText(), `${steps}:00`, 'a minute for each step');
    assert.ok((await page.locator('.evidence pre').count()) > 0, 'step 1 evidence');
    assert.equal(await page.locator('.expert-read').count(), 0, 'no expert read in a mock');
    await page.locator('#lab-read-1').fill('The read of step one.');
    await noSidewaysScroll(page, 'a mock lab step at 360px');
    await screenshot(page, 'mock-lab-step-360', { fullPage: false });
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByText(`Step 2 of ${steps}`, { exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Scenario' }).count(), 0);
    assert.equal(await announced(page), `Step 2 of ${steps}.`);
    // Time up on the whole lab moves to the next question.
    await page.clock.fastForward(steps * 60_000);
    await page.getByText('Question 2 of 3', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('heading', { level: 2, name: /^Summary:/ }).waitFor();
    const lab = page.locator('.mock-item').first();
    assert.match(await lab.innerText(), new RegExp(`${steps}:00 of ${steps}:00 used`));
    assert.doesNotMatch(await lab.innerText(), /talking points/);
    const labId = (await lab.locator('h3 a').getAttribute('href')).split('/')[2];
    assert.deepEqual((await storedRecord(page, `opsdrill/answer/${labId}`)).steps, ['The read of step one.']);
    await finish(session);
  });
});

// A stand-in for the browser's speech recognition: start() delivers one
// final transcript (or the error in window.__recognitionError).
const FAKE_RECOGNITION = () => {
  class FakeRecognition {
    start() {
      window.__recognitionStarts = (window.__recognitionStarts ?? 0) + 1;
      setTimeout(() => {
        if (window.__recognitionError) {
          this.onerror?.({ error: window.__recognitionError });
          this.onend?.({});
          return;
        }
        const result = [{ transcript: 'we rolled back first' }];
        result.isFinal = true;
        this.onresult?.({ resultIndex: 0, results: [result] });
      }, 20);
    }
    stop() {
      window.__recognitionStops = (window.__recognitionStops ?? 0) + 1;
      // Like the real service: stopping delivers what was already heard.
      setTimeout(() => {
        if (window.__heardBeforeStop) {
          const result = [{ transcript: window.__heardBeforeStop }];
          result.isFinal = true;
          this.onresult?.({ resultIndex: 0, results: [result] });
        }
        this.onend?.({});
      }, 20);
    }
  }
  window.SpeechRecognition = FakeRecognition;
  window.webkitSpeechRecognition = FakeRecognition;
};

describe('dictation', () => {
  test('the dictation button is absent when the browser has no speech recognition', async () => {
    const noRecognition = () => {
      delete window.SpeechRecognition;
      delete window.webkitSpeechRecognition;
    };
    const session = await openApp(env, '#/q/alert-fatigue', undefined, { init: ({ context }) => context.addInitScript(noRecognition) });
    const { page } = session;
    await page.getByRole('textbox', { name: 'Your answer' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Dictate/ }).count(), 0);
    assert.equal(await page.getByText(/needs a network connection/).count(), 0);
    await finish(session);
  });

  test('dictation fills the answer, says it needs a network, and reports errors', async () => {
    const session = await openApp(env, '#/q/alert-fatigue', undefined, { init: ({ context }) => context.addInitScript(FAKE_RECOGNITION) });
    const { page } = session;
    const editor = page.getByRole('textbox', { name: 'Your answer' });
    await editor.fill('First I checked the dashboards.');
    await page.getByText('Dictation uses your browser\'s speech service, which needs a network connection.').waitFor();
    const dictate = page.getByRole('button', { name: /Dictate/ });
    await dictate.click();
    await page.waitForFunction(() => document.querySelector('#answer-your-answer').value.endsWith('we rolled back first'));
    assert.equal(await editor.inputValue(), 'First I checked the dashboards. we rolled back first');
    assert.equal(await dictate.getAttribute('aria-pressed'), 'true');
    await page.getByText('Listening… press Dictate again to stop.').waitFor();
    // The last words, heard just before "stop", still arrive.
    await page.evaluate(() => { window.__heardBeforeStop = 'and wrote the postmortem'; });
    await dictate.click();
    await page.waitForFunction(() => window.__recognitionStops === 1);
    await page.waitForFunction(() => document.querySelector('#answer-your-answer').value.endsWith('and wrote the postmortem'));
    assert.equal(await dictate.getAttribute('aria-pressed'), 'false');
    await page.evaluate(() => { window.__heardBeforeStop = null; });
    await page.getByText('Saved', { exact: true }).waitFor();
    assert.match((await storedRecord(page, 'opsdrill/answer/alert-fatigue')).text, /we rolled back first and wrote the postmortem$/);

    // The service's network error is explained.
    await page.evaluate(() => { window.__recognitionError = 'network'; });
    await page.getByRole('button', { name: /Dictate/ }).click();
    await page.getByText(/^Dictation needs a network connection/).waitFor();
    await page.getByRole('button', { name: /Dictate/ }).waitFor();

    // Offline: it says so without trying.
    await session.context.setOffline(true);
    const starts = await page.evaluate(() => window.__recognitionStarts);
    await page.getByRole('button', { name: /Dictate/ }).click();
    await page.getByText(/^Dictation needs a network connection/).waitFor();
    assert.equal(await page.evaluate(() => window.__recognitionStarts), starts, 'not started offline');
    await session.context.setOffline(false);
    await finish(session);
  });

  test('where speech is recognised on the device, dictation works offline and gives a true pace', async () => {
    const onDevice = () => {
      window.SpeechRecognition.available = async ({ langs, processLocally }) => {
        window.__askedLangs = langs;
        return processLocally ? 'available' : 'unavailable';
      };
      const start = window.SpeechRecognition.prototype.start;
      window.SpeechRecognition.prototype.start = function () {
        window.__processLocally = this.processLocally;
        start.call(this);
      };
    };
    const session = await openApp(env, '#/q/alert-fatigue', undefined, {
      init: async ({ context }) => { await context.addInitScript(FAKE_RECOGNITION); await context.addInitScript(onDevice); },
    });
    const { page } = session;
    await page.getByText('Dictation runs on this device: it works offline, and no audio leaves it.').waitFor();
    assert.equal(await page.getByText(/needs a network connection/).count(), 0);
    assert.equal((await page.evaluate(() => window.__askedLangs)).length, 1);
    // Offline once the bank's files (fetched after start) are in.
    await page.waitForLoadState('networkidle');
    await session.context.setOffline(true);
    const dictate = page.getByRole('button', { name: /Dictate/ });
    await dictate.click();
    await page.waitForFunction(() => document.querySelector('#answer-your-answer').value === 'we rolled back first');
    assert.equal(await page.evaluate(() => window.__processLocally), true, 'asked to recognise on the device');
    await page.waitForTimeout(5_200);
    await page.evaluate(() => { window.__heardBeforeStop = 'and wrote the postmortem'; });
    await dictate.click();
    await page.waitForFunction(() => document.querySelector('#answer-your-answer').value.endsWith('and wrote the postmortem'));
    const pace = await page.locator('.dictation-pace').innerText();
    assert.match(pace, /^8 words in 0:0[5-6]: (8\d|9\d) words a minute\.$/, pace);
    await session.context.setOffline(false);
    await finish(session);
  });
});
