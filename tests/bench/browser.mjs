// In-browser benchmark on the release build in headless Chromium (not a test:
// it reports, it does not assert). Prints and writes test-output/bench-browser.txt:
//  - navigation start to the question list being interactive (a performance
//    mark the app sets), median of 7 cold loads;
//  - search: time from a keystroke in the search box to the list updating;
//  - main-thread cost of one keystroke in a 5,000-word answer.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appReady, launchBrowser, newPage, openApp, PHONE, serveDist } from '../e2e/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launchBrowser();
const lines = [];
try {
  const startups = [];
  for (let i = 0; i < 7; i += 1) {
    const { page, context } = await newPage(browser, server.base, PHONE);
    await page.goto(`${server.base}#/questions`);
    await page.waitForFunction(() => performance.getEntriesByName('opsdrill:questions-interactive').length > 0);
    startups.push(await page.evaluate(() => performance.getEntriesByName('opsdrill:questions-interactive')[0].startTime));
    await context.close();
  }
  lines.push(`startup: navigation to question list interactive, median of 7: ${median(startups).toFixed(0)} ms (min ${Math.min(...startups).toFixed(0)}, max ${Math.max(...startups).toFixed(0)})`);

  const { page, context } = await openApp({ browser, server }, '#/questions');
  const search = await page.evaluate(async () => {
    const input = document.querySelector('input[type=search]');
    const times = [];
    for (const text of ['k', 'ku', 'kub', 'kube', 'kuber', 'kubern', 'kuberne', 'kubernet', 'kubernete', 'kubernetes', '', 'r', 'ro', 'rol', 'roll', 'rollb', 'rollba', 'rollbac', 'rollback', '']) {
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
    }
    return times;
  });
  lines.push(`search keystroke over the real bank (input to list updated), median of ${search.length}: ${median(search).toFixed(2)} ms (max ${Math.max(...search).toFixed(2)})`);

  await page.goto(`${server.base}#/q/alert-fatigue`);
  await appReady(page);
  const keystroke = await page.evaluate(async () => {
    const area = document.querySelector('textarea');
    area.value = 'word '.repeat(5000);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    // In a build with the `effect-count` feature, the app counts the effect
    // tasks it polls: the effects a keystroke woke.
    const polls = window.__opsdrillEffectPolls;
    const times = [];
    const woken = [];
    for (let i = 0; i < 30; i += 1) {
      const before = polls?.();
      const t0 = performance.now();
      area.value += 'x';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
      // Let every woken effect run (well before the 400 ms save).
      await new Promise((r) => setTimeout(r, 20));
      if (polls) woken.push(polls() - before);
    }
    return { times, woken, words: document.querySelector('.answer-stats').innerText };
  });
  lines.push(`keystroke in a 5,000-word answer (${keystroke.words.split('\n')[0]}), median of 30: ${median(keystroke.times).toFixed(2)} ms (max ${Math.max(...keystroke.times).toFixed(2)})`);
  if (keystroke.woken.length) {
    lines.push(`effects woken per keystroke in that answer, median of 30: ${median(keystroke.woken)} (min ${Math.min(...keystroke.woken)}, max ${Math.max(...keystroke.woken)})`);
  }
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
mkdirSync(path.join(root, 'test-output'), { recursive: true });
writeFileSync(path.join(root, 'test-output', 'bench-browser.txt'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
