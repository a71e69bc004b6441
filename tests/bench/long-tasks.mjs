// Main-thread long tasks (over 50 ms) while home and a question's deep link
// start, in headless Chromium at 4x CPU slowdown (Lighthouse's mobile
// setting), without the service worker: a report, not a test. Prints each
// cold load's long tasks as start+duration in ms, three loads each, and
// writes test-output/bench-long-tasks.txt. Lighthouse's TBT is the sum of
// (duration - 50 ms) over such tasks.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, PHONE, serveDist } from '../e2e/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const server = await serveDist();
const browser = await launchBrowser();
const lines = [];
try {
  for (const [what, hash] of [['home', ''], ['a question (deep link)', '#/q/alert-fatigue']]) {
    for (let run = 1; run <= 3; run += 1) {
      const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${server.base}${hash}`);
      await page.waitForTimeout(6000);
      const tasks = await page.evaluate(() => window.__longTasks);
      const blocking = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      lines.push(`${what}, load ${run}: ${tasks.map(([s, d]) => `${s}+${d}`).join(', ')} ms; blocking ${blocking} ms`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(lines.join('\n'));
mkdirSync(path.join(root, 'test-output'), { recursive: true });
writeFileSync(path.join(root, 'test-output', 'bench-long-tasks.txt'), `${lines.join('\n')}\n`);
