// In-browser benchmark on the release build in headless Chromium (not a test:
// it reports, it does not assert). Prints and writes test-output/bench-browser.txt:
//  - navigation start to home and to the question list being interactive
//    (performance marks the app sets), and to a question's model answer
//    shown (a deep link, then "Show model answer" as soon as it is there),
//    median of 7 cold loads each;
//  - search: time from a keystroke in the search box to the list updating;
//  - main-thread cost of one keystroke in a 5,000-word answer, and, in a
//    build with the `effect-count` feature, how many effects it woke.
// `--keystroke-only` measures the last one alone, into
// test-output/bench-keystroke.txt (scripts/bench runs it on the
// effect-count build, in its own dist directory: OPSDRILL_DIST).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newPage, openApp, PHONE, serveDist } from '../e2e/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs, digits) => `min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}`;

/** Navigation start to the app's performance mark `mark`, on `hash`: median of 7 cold loads. */
async function untilMark(env, hash, mark, what) {
  const times = [];
  for (let i = 0; i < 7; i += 1) {
    const { page, context } = await newPage(env.browser, env.server.base, PHONE);
    await page.goto(`${env.server.base}${hash}`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark);
    times.push(await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark));
    await context.close();
  }
  return `startup: navigation to ${what}, median of 7: ${median(times).toFixed(0)} ms (${range(times, 0)})`;
}

async function modelAnswer(env) {
  const times = [];
  for (let i = 0; i < 7; i += 1) {
    const { page, context } = await newPage(env.browser, env.server.base, PHONE);
    await page.goto(`${env.server.base}#/q/alert-fatigue`);
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await page.locator('#answer-material .model-answer, #answer-material section').first().waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return `startup: navigation to a question's model answer shown (deep link, then Show model answer), median of 7: ${median(times).toFixed(0)} ms (${range(times, 0)})`;
}

async function startup(env) {
  return [
    await untilMark(env, '', 'opsdrill:home-interactive', 'home interactive'),
    await untilMark(env, '#/questions', 'opsdrill:questions-interactive', 'question list interactive'),
    await modelAnswer(env),
  ].join('\n');
}

async function search(env) {
  const { page, context } = await openApp(env, '#/questions');
  const times = await page.evaluate(async () => {
    const input = document.querySelector('input[type=search]');
    const out = [];
    for (const text of ['k', 'ku', 'kub', 'kube', 'kuber', 'kubern', 'kuberne', 'kubernet', 'kubernete', 'kubernetes', '', 'r', 'ro', 'rol', 'roll', 'rollb', 'rollba', 'rollbac', 'rollback', '']) {
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      out.push(performance.now() - t0);
    }
    return out;
  });
  await context.close();
  return `search keystroke over the real bank (input to list updated), median of ${times.length}: ${median(times).toFixed(2)} ms (max ${Math.max(...times).toFixed(2)})`;
}

async function keystroke(env) {
  const { page, context } = await openApp(env, '#/q/alert-fatigue');
  const result = await page.evaluate(async () => {
    const area = document.querySelector('textarea');
    area.value = 'word '.repeat(5000);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    // In a build with the `effect-count` feature the app counts the effect
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
    // The browser's own share: the same keystrokes in a textarea of the
    // same size that the app does not listen to.
    const plain = document.createElement('textarea');
    plain.value = area.value;
    document.body.append(plain);
    const floor = [];
    for (let i = 0; i < 30; i += 1) {
      const t0 = performance.now();
      plain.value += 'x';
      plain.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      floor.push(performance.now() - t0);
    }
    plain.remove();
    return { times, woken, floor, words: document.querySelector('.answer-stats').innerText.split('\n')[0] };
  });
  await context.close();
  const lines = [
    `keystroke in a 5,000-word answer (${result.words}), median of 30: ${median(result.times).toFixed(2)} ms (max ${Math.max(...result.times).toFixed(2)})`,
    `the same keystroke in a textarea the app does not listen to, median of 30: ${median(result.floor).toFixed(2)} ms`,
  ];
  if (result.woken.length) {
    lines.push(`effects woken per keystroke in that answer, median of 30: ${median(result.woken)} (${range(result.woken, 0)})`);
  }
  return lines.join('\n');
}

const keystrokeOnly = process.argv.includes('--keystroke-only');
const env = { server: await serveDist(), browser: await launchBrowser() };
const lines = [];
try {
  if (!keystrokeOnly) {
    lines.push(await startup(env), await search(env));
  }
  lines.push(await keystroke(env));
} finally {
  await env.browser.close();
  env.server.stop();
}
mkdirSync(path.join(root, 'test-output'), { recursive: true });
const report = keystrokeOnly ? 'bench-keystroke.txt' : 'bench-browser.txt';
writeFileSync(path.join(root, 'test-output', report), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
