// Lighthouse 12 (mobile defaults) against the release build served by a plain
// static server. Writes the scores and LCP/TBT/CLS to
// test-output/lighthouse.txt (and the full report as JSON beside it), and
// fails below Performance 90, Accessibility 100 or Best Practices 100: a
// margin for a noisy machine, not the goal (98 / 100 / 100 / SEO 95).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from './e2e/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test-output');
const server = await serveDist();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const runs = [];
  for (const [name, hash] of [['home', ''], ['question', '#/q/alert-fatigue']]) {
    const result = await lighthouse(`${server.base}${hash}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const { categories, audits } = result.lhr;
    const score = (id) => Math.round(categories[id].score * 100);
    runs.push({
      name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue),
      cls: Number(audits['cumulative-layout-shift'].numericValue.toFixed(3)),
    });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, `lighthouse-${name}.json`), result.report);
  }
  const lines = runs.map((r) =>
    `${r.name.padEnd(9)} performance ${r.performance}  accessibility ${r.accessibility}  best-practices ${r.bestPractices}  seo ${r.seo}  LCP ${r.lcpMs} ms  TBT ${r.tbtMs} ms  CLS ${r.cls}`);
  writeFileSync(path.join(outDir, 'lighthouse.txt'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
  for (const r of runs) {
    if (r.performance < 90 || r.accessibility < 100 || r.bestPractices < 100) {
      console.error(`lighthouse: ${r.name} is below the floor (performance 90, accessibility 100, best practices 100)`);
      failed = true;
    }
  }
} finally {
  await chrome.kill();
  server.stop();
}
process.exit(failed ? 1 : 0);
