// Commute mode in real Chromium, with speechSynthesis, the Media Session and
// the Wake Lock replaced by recording fakes injected before the app loads,
// and Playwright's clock so the answer wait can be skipped through.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appReady, axeViolations, finish, noSidewaysScroll, openApp, PHONE, screenshot, screenshotDir, serverAndBrowser, storedRecord,
} from './support.mjs';

// A WAV of speech as the microphone, for "Record my spoken answers".
const speech = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../crates/core/tests/speech/handover-130.wav');
const env = serverAndBrowser([
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${speech}`,
]);

// Runs in the page before any of its scripts.
function installFakes() {
  window.__spoken = [];
  window.__speechLog = [];
  window.__speechMs = 30;
  window.__wakeLock = { requests: [], released: 0 };
  window.__media = { handlers: {}, titles: [] };

  class FakeUtterance extends EventTarget {
    constructor(text = '') {
      super();
      this.text = text;
      this.rate = 1;
      this.voice = null;
      this.lang = '';
      this.onend = null;
      this.onerror = null;
    }
  }
  const voices = [
    { name: 'Fake English', lang: 'en-GB', default: true, localService: true, voiceURI: 'fake-en' },
    { name: 'Fake Other', lang: 'en-US', default: false, localService: true, voiceURI: 'fake-other' },
  ];
  const fire = (utterance, type, extra = {}) => {
    const event = Object.assign(new Event(type), extra);
    utterance.dispatchEvent(event);
    utterance[`on${type}`]?.(event);
  };
  const synth = new (class extends EventTarget {
    constructor() {
      super();
      this.queue = [];
      this.timer = null;
      this.speaking = false;
      this.pending = false;
      this.paused = false;
    }
    getVoices() { return voices; }
    speak(utterance) {
      window.__spoken.push({ text: utterance.text, rate: utterance.rate, voice: utterance.voice?.name ?? null });
      this.queue.push(utterance);
      this.next();
    }
    next() {
      if (this.timer !== null || this.queue.length === 0) return;
      this.speaking = true;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.speaking = false;
        fire(this.queue.shift(), 'end');
        this.next();
      }, window.__speechMs);
    }
    cancel() {
      window.__speechLog.push('cancel');
      clearTimeout(this.timer);
      this.timer = null;
      this.speaking = false;
      for (const utterance of this.queue.splice(0)) fire(utterance, 'error', { error: 'interrupted' });
    }
    pause() { this.paused = true; }
    resume() { this.paused = false; }
  })();
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;

  const session = {
    playbackState: 'none',
    _metadata: null,
    get metadata() { return this._metadata; },
    set metadata(value) {
      this._metadata = value;
      if (value) window.__media.titles.push(value.title);
    },
    setActionHandler(action, handler) {
      if (handler) window.__media.handlers[action] = handler;
      else delete window.__media.handlers[action];
    },
  };
  Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true });
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request(type) {
        window.__wakeLock.requests.push(type);
        return Promise.resolve({
          released: false,
          release() {
            this.released = true;
            window.__wakeLock.released += 1;
            return Promise.resolve();
          },
        });
      },
    },
  });
}

function removeSpeech() {
  Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  delete window.SpeechSynthesisUtterance;
}

const spoken = (page) => page.evaluate(() => window.__spoken.map((u) => u.text));
const status = (page) => page.locator('.commute-step');
const media = (page, action) => page.evaluate((a) => window.__media.handlers[a](), action);

/** Before the app loads: the fake clock and the recording fakes. */
async function withFakes({ context, page }) {
  await page.clock.install();
  await context.addInitScript(installFakes);
}

/** Settings through the UI (from Settings): a voice, 1.5x, and the shortest answer pause. */
async function chooseSettings(page) {
  await page.getByLabel('Voice').selectOption({ label: 'Fake Other (en-US)' });
  await page.getByLabel('Speaking rate').selectOption({ label: '1.5×' });
  await page.getByLabel('Time to answer out loud (seconds)').fill('10');
  await page.getByLabel('Time to answer out loud (seconds)').blur();
  const settings = await storedRecord(page, 'opsdrill/settings');
  assert.equal(settings.version, 1);
  assert.equal(settings.speech_voice, 'Fake Other');
  assert.equal(settings.speech_rate_pct, 150);
  assert.equal(settings.answer_pause_s, 10);
  await page.locator('section[aria-labelledby="commute-settings"]').screenshot({ path: path.join(screenshotDir, 'settings-commute-1280.png') });
  await page.getByRole('button', { name: 'Test voice' }).click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  const [tried] = await page.evaluate(() => window.__spoken);
  assert.match(tried.text, /^This is how commute mode reads questions/);
  assert.equal(tried.voice, 'Fake Other');
  assert.equal(tried.rate, 1.5);
}

async function startSession(page) {
  await page.goto(`${env.server.base}#/commute`);
  await page.getByRole('heading', { level: 1, name: 'Commute mode' }).waitFor();
  await page.evaluate(() => { window.__spoken = []; });
  await page.getByRole('button', { name: 'Start' }).click();
}

describe('commute mode', () => {
  test('reads question and why, waits, reads structure and points; pause, play, next track and rating', async () => {
    const session = await openApp(env, '#/settings', undefined, { init: withFakes });
    const { page } = session;
    await chooseSettings(page);
    await startSession(page);

    await page.waitForFunction(() => window.__wakeLock.requests.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__wakeLock.requests), ['screen']);
    const first = await page.locator('.commute-question').innerText();
    assert.equal(await page.locator('.commute-progress').innerText(), 'Question 1 of 10');
    await status(page).filter({ hasText: 'Listening for your answer…' }).waitFor();
    let said = await spoken(page);
    assert.equal(said[0].replace(/\.$/, ''), first.replace(/\.$/, ''), 'the question first');
    assert.match(said[1], /^Why they ask\.?/, 'then why they ask');
    assert.ok(!said.some((t) => /How to structure|Talking points/.test(t)), 'nothing more before the answer');
    assert.ok((await page.evaluate(() => window.__spoken)).every((u) => u.voice === 'Fake Other' && u.rate === 1.5));
    assert.deepEqual(await page.evaluate(() => window.__media.titles.at(-1)), first);
    await page.getByText('Answer out loud now.').waitFor();
    assert.match(await page.locator('.commute-clock').innerText(), /^0:(10|09) left$/);
    await screenshot(page, 'commute-running-1280', { fullPage: false });

    // Pause from the headset: the wait stops and does not run out.
    const beforePause = said.length;
    await page.clock.fastForward(3_000);
    await media(page, 'pause');
    await status(page).filter({ hasText: 'Paused.' }).waitFor();
    const frozen = await page.locator('.commute-clock').innerText();
    assert.match(frozen, /^0:0[6-7] left$/);
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => navigator.mediaSession.playbackState), 'paused');
    await page.clock.fastForward(60_000);
    await page.waitForTimeout(300);
    assert.equal((await spoken(page)).length, beforePause, 'nothing read while paused');
    assert.match(await status(page).innerText(), /^Paused\./);
    assert.equal(await page.locator('.commute-clock').innerText(), frozen);

    // Play resumes the rest of the wait, then the model is read.
    await media(page, 'play');
    await status(page).filter({ hasText: 'Listening for your answer…' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.mediaSession.playbackState), 'playing');
    await page.clock.fastForward(8_000);
    // After the talking points, a follow-up and a wait for its answer
    // (half the answer pause, at least 10 s), then ours.
    await page.getByText('Answer the follow-up out loud now.').waitFor();
    said = await spoken(page);
    // Each line is its own utterance: the heading, then the follow-up.
    assert.equal(said.at(-2), 'A follow-up.');
    const followUp = said.at(-1);
    const onScreen = await page.locator('.commute-part p').innerText();
    assert.equal(onScreen.replace(/\.$/, ''), followUp.replace(/\.$/, ''), 'the follow-up is on screen');
    assert.ok(!said.some((t) => /^Our answer/.test(t)), 'ours only after the wait');
    await page.clock.fastForward(10_000);
    await status(page).filter({ hasText: 'Your turn to rate' }).waitFor();
    said = await spoken(page);
    const structure = said.findIndex((t) => /^How to structure your answer/.test(t));
    const points = said.findIndex((t) => /^Talking points/.test(t));
    assert.equal(structure, beforePause, 'the structure right after the wait');
    assert.ok(points > structure, 'talking points after the structure');
    assert.ok(said.indexOf('Our answer.') > said.indexOf('A follow-up.') + 1, 'our answer to the follow-up last');
    const buttons = page.locator('.commute .rate-button');
    assert.equal(await buttons.count(), 4);
    for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
      assert.ok(box >= 64, `rating buttons are at least 64 px tall (${box})`);
    }
    await screenshot(page, 'commute-rating-1280', { fullPage: false });

    // A rating is recorded and the next question is read.
    const before = (await storedRecord(page, 'opsdrill/schedule')) ?? { cards: {} };
    assert.deepEqual(Object.keys(before.cards), []);
    await page.getByRole('button', { name: /Good/ }).click();
    await page.locator('.commute-progress').filter({ hasText: 'Question 2 of 10' }).waitFor();
    const schedule = await storedRecord(page, 'opsdrill/schedule');
    assert.equal(schedule.reviews.length, 1);
    assert.equal(schedule.reviews[0].rating, 3);
    await page.getByText(/^Rated Good\. Back in/).waitFor();
    const second = await page.locator('.commute-question').innerText();
    assert.notEqual(second, first);
    await page.waitForFunction((q) => window.__spoken.some((u) => u.text.replace(/\.$/, '') === q.replace(/\.$/, '')), second);

    // Next track mid-sentence: speech stops, the third question is read.
    await page.evaluate(() => { window.__speechMs = 600_000; });
    await page.waitForFunction(() => window.speechSynthesis.speaking);
    const cancels = await page.evaluate(() => window.__speechLog.length);
    await media(page, 'nexttrack');
    await page.locator('.commute-progress').filter({ hasText: 'Question 3 of 10' }).waitFor();
    assert.ok((await page.evaluate(() => window.__speechLog.length)) > cancels, 'speech cancelled');
    const third = await page.locator('.commute-question').innerText();
    await page.waitForFunction((q) => window.__spoken.at(-1).text.replace(/\.$/, '') === q.replace(/\.$/, ''), third);
    assert.equal(await page.evaluate(() => navigator.mediaSession.metadata.title), third);
    assert.equal((await storedRecord(page, 'opsdrill/schedule')).reviews.length, 1, 'skipping does not rate');

    // Leaving the page stops speech and lets the screen sleep.
    const cancelsBefore = await page.evaluate(() => window.__speechLog.length);
    await page.goto(`${env.server.base}#/practice`);
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    assert.ok((await page.evaluate(() => window.__speechLog.length)) > cancelsBefore);
    await page.waitForFunction(() => window.__wakeLock.released === 1);
    assert.deepEqual(await page.evaluate(() => Object.keys(window.__media.handlers)), []);
    await finish(session);
  });

  test('"Record my spoken answers" records each answer pause, with its delivery report', async () => {
    const session = await openApp(env, '#/commute', PHONE, { init: withFakes });
    const { page } = session;
    await page.evaluate(() => localStorage.setItem('opsdrill/settings', JSON.stringify({ version: 1, answer_pause_s: 10, commute_record: true })));
    await page.reload();
    await appReady(page);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Answer out loud now.').waitFor();
    const question = await page.locator('.commute-question').innerText();
    await page.locator('.record-auto').getByText('Recording').waitFor();
    await screenshot(page, 'commute-recording-360', { fullPage: false });
    // Real seconds of speech, then the pause runs out and the model is read.
    await page.waitForTimeout(2500);
    await page.clock.fastForward(10_000);
    await status(page).filter({ hasText: 'Listening for your answer…' }).waitFor({ state: 'detached' }).catch(() => {});
    await page.locator('.record-auto').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Session finished' }).waitFor();
    await page.goto(`${env.server.base}#/progress`);
    await appReady(page);
    // The summary's code loads when the user scrolls near it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('.speaking-summary').filter({ hasText: /^1 recorded answer, / }).waitFor();
    // The recording is listed on its question, with a report.
    await page.goto(`${env.server.base}#/questions`);
    await appReady(page);
    await page.getByRole('link', { name: question }).first().click();
    await page.getByRole('textbox', { name: 'Your answer' }).scrollIntoViewIfNeeded();
    await page.locator('.recording-item').waitFor();
    await page.getByText('Delivery report').click();
    assert.match(await page.locator('.delivery-figures').innerText(), /Talk time\s+0:0[1-3]/);
    await finish(session);
  });

  test('on a phone: big controls, skip from the rating step, end screen', async () => {
    // Dark, and without the CSP so that axe can be injected.
    const session = await openApp(env, '#/commute', PHONE, { colorScheme: 'dark', bypassCSP: true, init: withFakes });
    const { page } = session;
    await page.evaluate(() => localStorage.setItem('opsdrill/settings', JSON.stringify({ version: 1, answer_pause_s: 20 })));
    await page.reload();
    await appReady(page);
    await page.getByRole('button', { name: 'Technical' }).click();
    assert.match(await page.locator('.practice-counts').innerText(), /^10 questions in today's queue: 0 due, 10 new$/);
    assert.match(await page.locator('.commute-how').innerText(), /waits 20 seconds for you/);
    await screenshot(page, 'commute-start-360-dark');
    await page.getByRole('button', { name: 'Start' }).click();
    await status(page).filter({ hasText: 'Listening for your answer…' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'commute-pause', 'focus moves to Pause');
    assert.deepEqual(await axeViolations(page, 'running loop'), []);
    for (const name of ['Pause', 'Skip question']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(box.height >= 64, `${name} is a big target`);
    }
    await noSidewaysScroll(page, 'the running loop at 360px');
    await screenshot(page, 'commute-running-360', { fullPage: false });
    // The on-screen Pause works like the headset's.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await status(page).filter({ hasText: 'Paused.' }).waitFor();
    await page.clock.fastForward(60_000);
    await page.waitForTimeout(200);
    assert.match(await status(page).innerText(), /^Paused\./);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.clock.fastForward(20_000);
    await page.getByText('Answer the follow-up out loud now.').waitFor();
    await noSidewaysScroll(page, 'a follow-up at 360px');
    await page.clock.fastForward(10_000);
    await status(page).filter({ hasText: 'Your turn to rate' }).waitFor();
    await noSidewaysScroll(page, 'the rating step at 360px');
    await screenshot(page, 'commute-rating-360', { fullPage: false });
    assert.deepEqual(await axeViolations(page, 'rating step'), []);
    await page.getByRole('button', { name: 'Skip without rating' }).click();
    await page.locator('.commute-progress').filter({ hasText: 'Question 2 of 10' }).waitFor();
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Session finished' }).waitFor();
    assert.equal(await page.locator('.commute-summary').innerText(), '0 questions rated');
    await screenshot(page, 'commute-end-360-dark', { fullPage: false });
    await page.waitForFunction(() => window.__wakeLock.released === 1);
    await page.getByRole('link', { name: 'Back to Practice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await finish(session);
  });

  test('without speech synthesis it says so and shows the text on timers', async () => {
    const withoutSpeech = async (session) => {
      await withFakes(session);
      await session.context.addInitScript(removeSpeech);
    };
    const session = await openApp(env, '#/commute', PHONE, { init: withoutSpeech });
    const { page } = session;
    await page.getByText('This browser cannot read aloud; the text is shown instead.').waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await status(page).filter({ hasText: 'Read the question.' }).waitFor();
    const question = await page.locator('.commute-question').innerText();
    assert.ok(question.length > 10);
    await page.clock.fastForward(60_000);
    await status(page).filter({ hasText: /^Read “Why they ask”\.$/ }).waitFor();
    const why = page.locator('.commute-part').filter({ has: page.getByRole('heading', { name: 'Why they ask' }) });
    assert.ok((await why.innerText()).length > 40, 'why they ask is on screen');
    await page.clock.fastForward(120_000);
    await status(page).filter({ hasText: 'Listening for your answer…' }).waitFor();
    await page.clock.fastForward(90_000);
    await status(page).filter({ hasText: /^Read “How to structure your answer”\.$/ }).waitFor();
    assert.ok(await page.locator('.commute-part li').count() > 0, 'the structure is listed');
    await screenshot(page, 'commute-text-mode-360', { fullPage: false });
    assert.match(await page.locator('.commute-clock').innerText(), /^\d:\d\d left$/);
    assert.ok(await page.evaluate(() => window.__wakeLock.requests.length === 1));
    await page.goto(`${env.server.base}#/settings`);
    await page.getByText('This browser cannot read aloud, so commute mode shows the text instead.', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Voice').isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Test voice' }).isDisabled(), true);
    await finish(session);
  });

  test('a lab: scenario, each step read with its evidence on screen, a wait for the read, the expert read; a setting leaves labs out', async () => {
    const session = await openApp(env, '#/commute', PHONE, { init: withFakes });
    const { page } = session;
    await page.evaluate(() => localStorage.setItem('opsdrill/settings', JSON.stringify({ version: 1, answer_pause_s: 30 })));
    await page.reload();
    await appReady(page);
    await page.getByRole('button', { name: 'Labs', exact: true }).click();
    assert.match(await page.locator('.commute-how').innerText(), /A lab: its scenario/);
    await page.evaluate(() => { window.__spoken = []; });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Read the evidence and say out loud what it tells you').waitFor();
    // One utterance a line: "Scenario.", its text, "Step 1 of N.", "The evidence is on screen.", the prompt.
    let said = await spoken(page);
    const stepAt = said.findIndex((t) => /^Step 1 of [3-6]\.$/.test(t));
    assert.equal(said[1], 'Scenario.');
    assert.ok(stepAt > 2, 'the scenario before step 1');
    assert.equal(said[stepAt + 1], 'The evidence is on screen.');
    const steps = Number(said[stepAt].match(/^Step 1 of (\d)/)[1]);
    // The evidence is shown, and none of it is read aloud.
    const evidence = page.locator('.commute-part .evidence pre').first();
    const firstLine = (await evidence.innerText()).split('\n')[0];
    assert.ok(firstLine.length > 5);
    assert.ok(!said.some((t) => t.includes(firstLine)), 'evidence is not read aloud');
    assert.ok(!said.some((t) => /^Expert read/.test(t)), 'the expert read waits for the user');
    await noSidewaysScroll(page, 'a lab step in commute mode at 360px');
    await screenshot(page, 'commute-lab-step-360', { fullPage: false });
    // The read's wait is half the answer pause: 15 s.
    await page.clock.fastForward(15_000);
    await page.locator('.commute-part h3').filter({ hasText: 'Expert read' }).waitFor();
    await page.waitForFunction(() => window.__spoken.some((u) => u.text.startsWith('Step 2 of')));
    said = await spoken(page);
    assert.ok(said.indexOf('Expert read.') > stepAt + 2, 'the expert read after the prompt');
    // Through the other steps to the root cause and the rating.
    for (let step = 2; step <= steps; step += 1) {
      await page.waitForFunction((n) => window.__spoken.some((u) => u.text.startsWith(`Step ${n} of`)), step);
      await page.getByText('Read the evidence and say out loud').waitFor();
      await page.clock.fastForward(15_000);
    }
    await status(page).filter({ hasText: 'Your turn to rate' }).waitFor();
    said = await spoken(page);
    assert.ok(said.lastIndexOf('Root cause.') > said.lastIndexOf('Expert read.'), 'the root cause last');
    assert.equal(said.filter((t) => t === 'Expert read.').length, steps);
    await page.getByRole('button', { name: 'End session' }).click();

    // Leaving labs out: the Labs chip goes and the queue holds none.
    await page.goto(`${env.server.base}#/settings`);
    await page.getByRole('checkbox', { name: /^Include labs/ }).uncheck();
    assert.equal((await storedRecord(page, 'opsdrill/settings')).commute_labs, false);
    await page.goto(`${env.server.base}#/commute`);
    await page.getByRole('button', { name: 'Start' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Labs', exact: true }).count(), 0);
    assert.match(await page.locator('.commute-how').innerText(), /Labs are left out/);
    await finish(session);
  });
  test("the user's own question is read aloud first, with what they wrote", async () => {
    const own = {
      version: 1,
      question: 'Walk me through our Kafka consumer lag alert.',
      category: 'technical',
      style: 'explain',
      difficulty: 'advanced',
      topics: ['kafka'],
      sections: { why: 'They run Kafka at scale and page on lag.' },
      // The app's markup, as the editor saves it: plain text needs no marks.
      markup: { why: 'They run Kafka at scale and page on lag.' },
      created_ms: 1,
      updated_ms: 1,
    };
    const session = await openApp(env, '#/commute', PHONE, {
      init: async (s) => {
        await withFakes(s);
        await s.page.addInitScript((record) => {
          if (!localStorage.getItem('opsdrill/own/mine-kafka-lag')) localStorage.setItem('opsdrill/own/mine-kafka-lag', JSON.stringify(record));
        }, own);
      },
    });
    const { page } = session;
    await page.getByRole('button', { name: 'Technical' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await status(page).filter({ hasText: 'Listening for your answer…' }).waitFor();
    assert.equal(await page.locator('.commute-question').innerText(), own.question);
    const said = await spoken(page);
    assert.equal(said[0], own.question);
    assert.ok(said.some((t) => t.includes(own.sections.why)), said.join(' | '));
    await finish(session);
  });
});
