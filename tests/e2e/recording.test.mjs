// Recording spoken answers, for real: Chromium's fake microphone plays a WAV
// of speech (espeak-ng, crates/core/tests/speech/), the app records it with
// MediaRecorder, computes the delivery report, stores the audio in IndexedDB
// and plays it back from a blob URL. Also: a refused microphone, a browser
// without MediaRecorder, the per-question limit and "Delete all recordings".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appReady, axeViolations, DESKTOP, download, finish, launchBrowser, noSidewaysScroll, openApp, PHONE, screenshot,
  serverAndBrowser, storedRecord,
} from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const speech = path.join(root, 'crates/core/tests/speech/handover-130.wav');
const env = serverAndBrowser([
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${speech}`,
  '--autoplay-policy=no-user-gesture-required',
]);

const QUESTION = '#/q/alert-fatigue';
const ANSWER = 'Paged on symptoms, then cut the noisy alerts by half.';

// CSP violations, counted in the page (playback must need only media-src).
const countViolations = ({ context }) =>
  context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

/**
 * Records for about `ms`. Stopping turns the button into "Saving…" at once;
 * it is "Record answer" again once the recording is analysed and stored
 * (and the question's oldest beyond the limit deleted).
 */
async function record(page, ms) {
  await page.getByRole('button', { name: 'Record answer' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).waitFor();
  await page.waitForTimeout(ms);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByRole('button', { name: 'Record answer' }).waitFor({ timeout: 20_000 });
}

/** Scrolls to the answer box: the recorder's code loads when the user comes near it. */
const toRecorder = (page) => page.getByRole('textbox', { name: 'Your answer' }).scrollIntoViewIfNeeded();
/** The bottom of the page, where Progress's speaking summary loads. */
const toBottom = (page) => page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

/** Waits until the question's recordings have been read from IndexedDB. */
const recordingsRead = (page) => page.locator('section.recording[aria-busy="false"]').waitFor();

const listed = (page) => page.locator('.recording-item .recording-length').allInnerTexts();

describe('recording a spoken answer', () => {
  test('"Show model answer" stays where it is when the recorder above it loads, at 360 and 1280 px', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const session = await openApp(env, QUESTION, viewport);
      const { page } = session;
      const reveal = page.getByRole('button', { name: 'Show model answer' });
      await reveal.waitFor();
      // Measured from the answer box, so that nothing above it counts.
      const gap = () => page.evaluate(() => Math.round(document.querySelector('button.reveal').getBoundingClientRect().top
        - document.getElementById('answer-your-answer').getBoundingClientRect().bottom));
      const before = await gap();
      await reveal.scrollIntoViewIfNeeded();
      await recordingsRead(page);
      assert.equal(await gap(), before, `at ${viewport.width} px`);
      await finish(session);
    }
  });

  test('record, see the report, replay, find it after a reload, delete it; the written answer is untouched', async () => {
    const session = await openApp(env, QUESTION, PHONE, { init: countViolations });
    const { page } = session;
    await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER);

    await page.getByRole('button', { name: 'Record answer' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    // The time runs and the meter moves while the WAV plays into the microphone.
    await page.waitForFunction(() => document.querySelector('.record .elapsed')?.textContent === '0:03');
    const level = await page.evaluate(async () => {
      let most = 0;
      for (let i = 0; i < 20; i++) {
        most = Math.max(most, Number(document.querySelector('.record meter')?.value ?? 0));
        await new Promise((r) => setTimeout(r, 100));
      }
      return most;
    });
    assert.ok(level > 0.05, `the level meter moves with speech (highest ${level})`);
    await screenshot(page, 'recording-phone-recording', { fullPage: false });
    await page.getByRole('button', { name: 'Stop recording' }).click();

    const report = page.locator('.recording-item details.delivery[open] .delivery-figures');
    await report.waitFor({ timeout: 20_000 });
    const figures = await report.innerText();
    assert.match(figures, /Talk time\s+0:0[4-6], shorter than the 1:30–2:30/, figures);
    assert.match(figures, /Speaking\s+\d+% of the recording/);
    assert.match(figures, /Pace\s+about \d+ words a minute \(an estimate/, figures);
    const bars = await page.locator('.recording-item svg.timeline rect:not(.timeline-track)').count();
    assert.ok(bars >= 1, 'the timeline shows speech');

    // The player has the audio and plays it for about as long as it was recorded.
    const played = await page.evaluate(async () => {
      const audio = document.querySelector('.recording-item audio');
      await new Promise((r) => (audio.readyState >= 1 ? r() : audio.addEventListener('loadedmetadata', r, { once: true })));
      await audio.play();
      await new Promise((r) => setTimeout(r, 700));
      return { src: audio.src.slice(0, 5), duration: audio.duration, time: audio.currentTime, paused: audio.paused };
    });
    assert.equal(played.src, 'blob:');
    assert.ok(played.duration > 4 && played.duration < 7, `the player knows the length (${played.duration} s)`);
    assert.ok(played.time > 0.3 && !played.paused, `it plays (${played.time} s in)`);
    const [length] = await listed(page);
    assert.match(length, /^0:0[4-6]$/);
    const file = await download(page, page.getByRole('button', { name: 'Download' }));
    assert.match(file.suggestedFilename(), /^opsdrill-alert-fatigue-\d{4}-\d\d-\d\d-\d{4}\.webm$/);
    assert.ok(statSync(await file.path()).size > 5_000, 'the download is the audio');
    await screenshot(page, 'recording-phone-report');
    await noSidewaysScroll(page, 'a question with a recording at 360 px');

    await page.reload();
    await appReady(page);
    await toRecorder(page);
    await page.locator('.recording-item').waitFor();
    assert.deepEqual(await listed(page), [length], 'the recording is there after a reload');
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), ANSWER);

    await page.getByRole('button', { name: /^Delete the recording of/ }).click();
    await page.locator('.recording-item').waitFor({ state: 'detached' });
    await page.reload();
    await appReady(page);
    await toRecorder(page);
    await recordingsRead(page);
    assert.equal(await page.locator('.recording-item').count(), 0, 'deleted for good');
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), ANSWER);
    assert.equal((await storedRecord(page, 'opsdrill/answer/alert-fatigue')).text, ANSWER);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
    await finish(session);
  });

  test('keeps the newest per question as set, shows the total in Settings, and deletes all after asking', async () => {
    const session = await openApp(env, '#/settings', DESKTOP);
    const { page } = session;
    await page.getByText('No recordings are stored.').waitFor();
    await page.getByText(/Backups do not carry them: download a recording from its question/).waitFor();
    await page.getByLabel('Recordings kept per question').fill('2');
    await page.getByLabel('Recordings kept per question').blur();

    await page.goto(`${env.server.base}${QUESTION}`);
    await appReady(page);
    await toRecorder(page);
    // 1, 2 and 3 seconds: the two newest stay, the one just made open.
    for (const ms of [1200, 2200, 3200]) await record(page, ms);
    await page.waitForFunction(() => document.querySelectorAll('.recording-item').length === 2);
    assert.deepEqual(await listed(page), ['0:03', '0:02']);
    await page.locator('.recording-item').first().locator('details.delivery[open]').waitFor();
    const trend = await page.locator('table.trend').innerText();
    assert.match(trend, /Across your attempts/);
    await screenshot(page, 'recording-desktop-list');

    await page.goto(`${env.server.base}#/settings`);
    await appReady(page);
    await page.getByText(/^2 recordings are stored, \d+ KB\.$/).waitFor();
    await screenshot(page, 'recording-desktop-settings');
    await page.getByRole('button', { name: 'Delete all recordings' }).click();
    await page.getByRole('button', { name: 'No, keep them' }).click();
    await page.getByText(/^2 recordings are stored/).waitFor();
    await page.getByRole('button', { name: 'Delete all recordings' }).click();
    await page.getByRole('button', { name: 'Yes, delete all' }).click();
    await page.getByText('No recordings are stored.').waitFor();
    await page.goto(`${env.server.base}${QUESTION}`);
    await appReady(page);
    await toRecorder(page);
    await recordingsRead(page);
    assert.equal(await page.locator('.recording-item').count(), 0);
    await finish(session);
  });

  test('a recording made in one tab shows in another, and a delete there shows here', async () => {
    const session = await openApp(env, QUESTION, DESKTOP);
    const { page, context } = session;
    const other = await context.newPage();
    await other.goto(`${env.server.base}${QUESTION}`);
    await appReady(other);
    await toRecorder(other);
    await other.getByRole('button', { name: 'Record answer' }).waitFor();
    await toRecorder(page);
    await record(page, 1500);
    await other.locator('.recording-item').waitFor();
    await other.getByRole('button', { name: /^Delete the recording of/ }).click();
    await page.locator('.recording-item').waitFor({ state: 'detached' });
    await other.close();
    await finish(session);
  });

  test('leaving the page while recording keeps the recording', async () => {
    const session = await openApp(env, QUESTION, PHONE);
    const { page } = session;
    await toRecorder(page);
    await page.getByRole('button', { name: 'Record answer' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.waitForTimeout(2000);
    await page.getByRole('link', { name: '← All questions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    await page.goBack();
    await toRecorder(page);
    await page.locator('.recording-item').waitFor();
    assert.match((await listed(page))[0], /^0:0[2-3]$/);
    await finish(session);
  });

  test('a microphone that goes away mid-recording: "Stop recording" still saves what was said', async () => {
    // The page keeps the real stream the app gets, to end its track as an
    // unplugged microphone would.
    const keepStream = () => {
      const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => (window.__stream = await ask(constraints));
    };
    const session = await openApp(env, QUESTION, PHONE, { init: ({ context }) => context.addInitScript(keepStream) });
    const { page } = session;
    await toRecorder(page);
    await page.getByRole('button', { name: 'Record answer' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.waitForTimeout(2000);
    await page.evaluate(() => window.__stream.getTracks().forEach((t) => t.stop()));
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByRole('button', { name: 'Record answer' }).waitFor({ timeout: 10_000 });
    await page.locator('.recording-item').waitFor();
    await finish(session);
  });

  test('a mock interview with "Record my answers" keeps a recording of each question', async () => {
    const session = await openApp(env, '#/mock', PHONE);
    const { page } = session;
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByRole('checkbox', { name: /^Ask follow-ups/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Record my answers/ }).check();
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    const asked = [];
    for (let n = 1; n <= 3; n++) {
      await page.getByText(`Question ${n} of 3`, { exact: true }).waitFor();
      asked.push(await page.locator('#mock-question').innerText());
      await page.locator('.record-auto').getByText('Recording').waitFor();
      if (n === 1) await screenshot(page, 'recording-phone-mock', { fullPage: false });
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: n < 3 ? 'Next question' : 'Finish' }).click();
    }
    await page.locator('#mock-summary-heading').waitFor();
    await page.goto(`${env.server.base}#/settings`);
    await appReady(page);
    await page.getByText('3 recordings are stored', { exact: false }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Record my answers in mock interviews' }).isChecked(), true);
    await page.goto(`${env.server.base}#/progress`);
    await appReady(page);
    await toBottom(page);
    const speaking = await page.locator('.speaking-summary').innerText();
    assert.match(speaking, /^3 recorded answers, 0:0\d of talking in all\./, speaking);
    await finish(session);
  });

  test('the recorder passes axe at 360 and 1280 px, light and dark', async () => {
    const session = await openApp(env, QUESTION, PHONE, { bypassCSP: true });
    const { page } = session;
    await toRecorder(page);
    await record(page, 1500);
    const violations = [];
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const viewport of [PHONE, DESKTOP]) {
        await page.setViewportSize(viewport);
        violations.push(...(await axeViolations(page, `recording ${scheme} ${viewport.width}`)));
      }
    }
    assert.deepEqual(violations, []);
    await finish(session);
  });
});

describe('when recording cannot happen', () => {
  test('a refused microphone says so, and the answer is untouched', async () => {
    // No fake UI: the permission prompt is refused, as a user who says no.
    const browser = await launchBrowser(['--use-fake-device-for-media-stream']);
    try {
      const session = await openApp({ ...env, browser }, QUESTION, PHONE);
      const { page } = session;
      await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER);
      await page.getByRole('button', { name: 'Record answer' }).click();
      await page.getByRole('alert').filter({ hasText: 'The microphone is not allowed' }).waitFor();
      await page.getByRole('button', { name: 'Record answer' }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), ANSWER);
      await screenshot(page, 'recording-phone-denied', { fullPage: false });
      await finish(session);
    } finally {
      await browser.close();
    }
  });

  test('a full storage says so, keeps nothing half-written, and the answer is untouched', async () => {
    const session = await openApp(env, QUESTION, PHONE);
    const { page, context } = session;
    await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER);
    await page.getByText('Saved', { exact: true }).waitFor();
    // Chromium's real quota, made smaller than one recording.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(env.server.base).origin, quotaSize: 20_000 });
    await record(page, 3000);
    await page.getByRole('alert').filter({ hasText: 'storage for OpsDrill is full, so the recording was not kept' }).waitFor();
    assert.equal(await page.locator('.recording-item').count(), 0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(env.server.base).origin });
    await page.reload();
    await appReady(page);
    await toRecorder(page);
    await recordingsRead(page);
    assert.equal(await page.locator('.recording-item').count(), 0, 'no recording without its audio');
    assert.equal(await page.getByRole('textbox', { name: 'Your answer' }).inputValue(), ANSWER);
    await finish(session);
  });

  test('with no microphone at all it says so', async () => {
    // Chromium's real devices, of which this machine has none.
    const browser = await launchBrowser(['--use-fake-ui-for-media-stream']);
    try {
      const session = await openApp({ ...env, browser }, QUESTION, PHONE);
      const { page } = session;
      await toRecorder(page);
      await page.getByRole('button', { name: 'Record answer' }).click();
      await page.getByRole('alert').filter({ hasText: 'No microphone was found.' }).waitFor();
      await finish(session);
    } finally {
      await browser.close();
    }
  });

  test('without MediaRecorder there is no record button, and a note says why', async () => {
    const session = await openApp(env, QUESTION, PHONE, {
      init: ({ context }) => context.addInitScript(() => { delete window.MediaRecorder; }),
    });
    const { page } = session;
    await toRecorder(page);
    await page.getByText(/Recording needs a browser with microphone access and MediaRecorder/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record answer' }).count(), 0);
    await finish(session);
  });
});
