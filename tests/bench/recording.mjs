// What the delivery report costs, in headless Chromium with a WAV of speech
// as the microphone: a report, not a test. Records a question's answer for
// 15 s and for 60 s (real time: the fake microphone plays at its pace), then
// times "Stop recording" to the report on screen (decoding, the energies,
// the analysis and storing in IndexedDB) and lists the main thread's long
// tasks (over 50 ms) in that window, without and with 4x CPU slowdown
// (Lighthouse's mobile setting). Prints ms per minute of audio and writes
// test-output/bench-recording.txt. Takes about 3 minutes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appReady, launchBrowser, PHONE, serveDist } from '../e2e/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const speech = path.join(root, 'crates/core/tests/speech/handover-130.wav');
const server = await serveDist();
const browser = await launchBrowser([
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${speech}`,
]);
const lines = [];
try {
  for (const slowdown of [1, 4]) {
    for (const seconds of [15, 60]) {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${server.base}#/q/alert-fatigue`);
      await appReady(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await page.getByRole('button', { name: 'Record answer' }).click();
      await page.getByRole('button', { name: 'Stop recording' }).waitFor();
      await page.waitForTimeout(seconds * 1000);
      const stopped = await page.evaluate(() => {
        document.querySelector('.record-button').click();
        return performance.now();
      });
      await page.locator('.recording-item details.delivery[open] .delivery-figures').waitFor({ timeout: 60_000 });
      const shown = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate((from) => window.__longTasks.filter(([start]) => start >= from), stopped);
      const longest = Math.round(Math.max(0, ...tasks.map(([, d]) => d)));
      const ms = Math.round(shown - stopped);
      const length = await page.locator('.recording-item .recording-length').first().innerText();
      lines.push(
        `CPU ${slowdown}x, ${seconds} s recorded (${length}): stop to report ${ms} ms, ` +
          `${Math.round((ms * 60) / seconds)} ms per minute of audio; long tasks: ${tasks.length}, longest ${longest} ms`,
      );
      console.log(lines.at(-1));
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
mkdirSync(path.join(root, 'test-output'), { recursive: true });
writeFileSync(path.join(root, 'test-output', 'bench-recording.txt'), `${lines.join('\n')}\n`);
