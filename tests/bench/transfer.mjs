// Benchmark of moving a heavy profile (155 answers of 400 words, 20
// stories) from a 1280x800 screen to a phone through the camera, in
// headless Chromium (it reports, it does not assert). The sender's codes are
// read off its canvas and played to the receiver's fake camera at the
// sender's own rate (tests/e2e/transfer-video.mjs). Prints and writes
// test-output/bench-transfer.txt: bytes per code, codes, codes a second,
// the sender's loop time, and the time from "Open the camera" to the
// preview, with the longest main-thread task on the receiver while reading.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP, launchBrowser, openApp, PHONE, serveDist } from '../e2e/support.mjs';
import { captureCodes, writeY4m } from '../e2e/transfer-video.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'opsdrill-transfer-bench-'));
const server = await serveDist();
const lines = [];
const say = (line) => { console.log(line); lines.push(line); };

// 400-word answers of varied words: about as compressible as real prose.
const WORDS = 'the a we our service team pager latency budget rollout canary state plan module cluster node pod queue retry lease drain alert incident review runbook owner metric trace log span error rate saturation capacity cost region zone failover backup restore replica shard quorum consensus leader follower cache miss hit ratio deploy pipeline artifact image registry secret policy audit compliance network subnet route gateway proxy mesh tls certificate rotation expiry'.split(' ');
let seed = 7;
const word = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return WORDS[seed % WORDS.length]; };
const text = (n) => Array.from({ length: n }, word).join(' ');

try {
  const sender = await launchBrowser();
  const session = await openApp({ server, browser: sender }, '#/', DESKTOP);
  // The bank's ids, from its Markdown.
  const ids = execSync("grep -rhoE '^id: [a-z0-9-]+' content/questions | cut -c5-", { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const answers = ids.slice(0, 155).map((id, i) => [`opsdrill/answer/${id}`, JSON.stringify({ version: 1, text: text(400), updated_ms: 1_000 + i })]);
  const stories = Array.from({ length: 20 }, (_, i) => [`opsdrill/story/s${i}`, JSON.stringify({ version: 1, title: `Story ${i}`, star: { situation: text(60), task: text(40), action: text(120), result: text(40) }, updated_ms: 5_000 + i })]);
  await session.page.evaluate((items) => items.forEach(([k, v]) => localStorage.setItem(k, v)), [...answers, ...stories]);
  await session.page.goto(`${server.base}#/send`);
  await session.page.reload(); // the app read its data before the seeding
  await session.page.getByRole('button', { name: 'Start sending' }).click();
  const started = Date.now();
  const codes = await captureCodes(session.page);
  const progress = await session.page.locator('.transfer-progress').innerText();
  const backupBytes = await session.page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));
  await session.context.close();
  await sender.close();
  say(`heavy profile: ${answers.length} answers of 400 words, ${stories.length} stories (${(backupBytes / 1024).toFixed(0)} KB in localStorage)`);
  say(`sender at 1280x800: ${codes.count} codes of ${codes.side} px, each 13 header + up to 400 payload bytes (620 Base45 characters); 5 codes a second; ${progress.split(' · ')[1]}; captured in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const video = path.join(work, 'heavy.y4m');
  const { seconds } = writeY4m(video, codes, { fps: 15, repeat: 3 });
  say(`camera video: the codes at the sender's 5 a second, ${seconds.toFixed(0)} s a loop`);
  for (const slowdown of [1, 4]) {
    const receiver = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    const phone = await openApp({ server, browser: receiver }, '#/receive', PHONE);
    const cdp = await phone.context.newCDPSession(phone.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await phone.page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.__longest = Math.max(window.__longest, e.duration); })).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await phone.page.getByRole('button', { name: 'Open the camera' }).click();
    // A slow reader misses codes and collects the rest over several loops:
    // after three loops the bench says how far it got.
    const limit = 3 * seconds * 1000 + 20_000;
    const done = await phone.page.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: limit }).then(() => true, () => false);
    const took = (Date.now() - t0) / 1000;
    const longest = await phone.page.evaluate(() => window.__longest);
    const got = done ? codes.count : Number((await phone.page.locator('#receive-progress').innerText()).match(/^(\d+)/)?.[1] ?? 0);
    const where = `receiver (360x740${slowdown > 1 ? `, ${slowdown}x CPU slowdown` : ''})`;
    say(done
      ? `${where}: all ${codes.count} codes in ${took.toFixed(0)} s (${(codes.count / took).toFixed(1)} codes a second, ${(codes.count * 413 / took / 1024).toFixed(1)} KB/s); longest main-thread task while reading ${longest.toFixed(0)} ms`
      : `${where}: ${got} of ${codes.count} codes after ${took.toFixed(0)} s (three loops), not complete; longest main-thread task while reading ${longest.toFixed(0)} ms`);
    await phone.context.close();
    await receiver.close();
  }
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
mkdirSync(path.join(root, 'test-output'), { recursive: true });
writeFileSync(path.join(root, 'test-output', 'bench-transfer.txt'), `${lines.join('\n')}\n`);
