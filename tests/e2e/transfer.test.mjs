// Laptop to phone with no network, for real: one Chromium shows the Send
// page at 1280x800; its codes are read off the canvas and written as a
// video; a second Chromium, whose fake camera plays that video, receives
// through the camera path, previews and merges. The receiver's own answers
// are still there after. Also: a refused camera, a transfer of only what
// changed, "Share backup", and a backup file the installed app is opened
// with.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  axeViolations, DESKTOP, fakeShareSheet, finish, launchBrowser, noSidewaysScroll, openApp, PHONE, screenshot, serverAndBrowser,
  storedRecord,
} from './support.mjs';
import { captureCodes, writeY4m } from './transfer-video.mjs';

const env = serverAndBrowser();
const work = mkdtempSync(path.join(tmpdir(), 'opsdrill-transfer-'));
after(() => rmSync(work, { recursive: true, force: true }));

// Prose that does not compress to nothing, so the transfer takes several codes.
const WORDS = 'rollout canary budget alert toil quorum etcd shard replica latency queue retry backoff lease drain cordon taint probe ingress mesh sidecar quota cgroup kernel socket page pager runbook rollback incident review blameless terraform state module drift plan apply'.split(' ');
function prose(seed, n) {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return WORDS[x % WORDS.length];
  }).join(' ');
}

const SENT_IDS = ['alert-fatigue', 'defining-slos-from-scratch', 'error-budget-negotiation', 'slo-burn-rate-alerting'];
const answerRecord = (text, updated) => JSON.stringify({ version: 1, text, updated_ms: updated });

/** Seeds the sender's answers (before the app loads). */
const seedSender = ({ context }) =>
  context.addInitScript(({ ids, texts }) => {
    if (localStorage.getItem('opsdrill/seeded')) return;
    localStorage.setItem('opsdrill/seeded', '1');
    ids.forEach((id, i) => localStorage.setItem(`opsdrill/answer/${id}`, JSON.stringify({ version: 1, text: texts[i], updated_ms: 2_000_000 + i })));
  }, { ids: SENT_IDS, texts: SENT_IDS.map((_, i) => prose(i + 1, 220)) });

/** Opens Send from Settings at 1280x800, starts sending and captures every code. */
async function sendAndCapture(session, choice = 'Everything') {
  const { page } = session;
  await page.getByRole('link', { name: 'Send to another device' }).click();
  await page.getByRole('heading', { level: 1, name: 'Send to another device' }).waitFor();
  await page.getByLabel(choice).check();
  await page.getByRole('button', { name: 'Start sending' }).click();
  const codes = await captureCodes(page);
  return codes;
}

/** A Chromium whose camera plays `video`. */
const cameraBrowser = (video) =>
  launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);

describe('sending to another device', () => {
  let video;
  let codes;
  let senderId;

  before(async () => {
    const session = await openApp(env, '#/settings', DESKTOP, { init: seedSender });
    codes = await sendAndCapture(session);
    const { page } = session;
    assert.ok(codes.count >= 3, `several codes: ${codes.count}`);
    assert.match(await page.locator('.transfer-progress').innerText(), new RegExp(`^Code \\d+ of ${codes.count} · a loop takes \\d+ s$`));
    assert.match(await page.getByText(/^Everything:/).innerText(), /^Everything: 4 answers and 0 stories$/);
    await screenshot(page, 'transfer-send-1280', { fullPage: false });
    senderId = (await storedRecord(page, 'opsdrill/device')).id;
    assert.ok(senderId, 'the sender has an id');
    // The canvas fits the screen with room for the line and the button.
    const box = await page.locator('canvas.transfer-code').boundingBox();
    assert.ok(box.height >= 400 && box.y + box.height < 800, `the code at ${JSON.stringify(box)}`);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Start sending' }).waitFor();
    await finish(session);
    video = path.join(work, 'codes.y4m');
    writeY4m(video, codes);
  });

  test('a second browser reads the codes through its camera, previews, merges; its own answers stay', async () => {
    const browser = await cameraBrowser(video);
    try {
      const session = await openApp({ ...env, browser }, '#/settings', PHONE, {
        bypassCSP: true, // for axe's script
        init: ({ context }) => context.addInitScript(({ mine, theirs }) => {
          if (localStorage.getItem('opsdrill/seeded')) return;
          localStorage.setItem('opsdrill/seeded', '1');
          localStorage.setItem('opsdrill/answer/incident-commander-under-pressure', mine);
          localStorage.setItem('opsdrill/answer/alert-fatigue', theirs);
        }, { mine: answerRecord('Written on the phone: status page first.', 3_000_000), theirs: answerRecord('Phone edit of alert fatigue.', 1_000) }),
      });
      const { page } = session;
      await page.getByRole('link', { name: 'Receive from another device' }).click();
      await page.getByRole('heading', { level: 1, name: 'Receive from another device' }).waitFor();
      await page.getByRole('button', { name: 'Open the camera' }).click();
      await page.getByRole('button', { name: 'Stop' }).waitFor();
      await page.getByText(new RegExp(`^\\d+ of ${codes.count} codes received$`)).waitFor({ timeout: 30_000 });
      await screenshot(page, 'transfer-receiving-360', { fullPage: false });
      const preview = page.getByRole('region', { name: 'Import preview' });
      await preview.waitFor({ timeout: 60_000 });
      assert.match(await preview.innerText(), /Ready to import the transfer/);
      assert.match(await preview.innerText(), /3 new answers added/);
      assert.match(await preview.innerText(), /1 answer changed in both places/);
      // Receiving stopped the camera; nothing has changed yet.
      assert.equal(await page.locator('video.transfer-camera.is-off').count(), 1);
      assert.equal((await storedRecord(page, 'opsdrill/answer/defining-slos-from-scratch')), null);
      await screenshot(page, 'transfer-preview-360');
      await noSidewaysScroll(page, 'the receive page');
      await page.getByRole('button', { name: 'Merge into my data' }).click();
      await page.getByRole('status').filter({ hasText: 'Imported the transfer' }).waitFor();
      assert.equal((await storedRecord(page, 'opsdrill/answer/incident-commander-under-pressure')).text, 'Written on the phone: status page first.');
      assert.equal((await storedRecord(page, 'opsdrill/answer/defining-slos-from-scratch')).text, prose(2, 220));
      const both = (await storedRecord(page, 'opsdrill/answer/alert-fatigue')).text;
      assert.ok(both.startsWith(prose(1, 220)) && both.includes('Phone edit of alert fatigue.'), both);
      assert.ok((await storedRecord(page, 'opsdrill/device')).received[senderId], 'the receiver remembers the sender');
      const violations = await axeViolations(page, 'receive after merge');
      // And the send page, before and while sending, in both themes.
      await page.goto(`${env.server.base}#/send`);
      await page.getByRole('button', { name: 'Start sending' }).waitFor();
      violations.push(...(await axeViolations(page, 'send')));
      await page.getByRole('button', { name: 'Start sending' }).click();
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('canvas.transfer-code').waitFor();
      await screenshot(page, 'transfer-send-dark-360', { fullPage: false });
      violations.push(...(await axeViolations(page, 'sending, dark')));
      await noSidewaysScroll(page, 'the send page');
      assert.deepEqual(violations, []);
      await finish(session);
    } finally {
      await browser.close();
    }
  });

  test('a refused camera says so, and nothing changes', async () => {
    const browser = await launchBrowser(['--use-fake-device-for-media-stream']);
    try {
      const session = await openApp({ ...env, browser }, '#/receive', PHONE);
      const { page } = session;
      await page.getByRole('button', { name: 'Open the camera' }).click();
      await page.getByRole('alert').filter({ hasText: 'The camera is not allowed for OpsDrill' }).waitFor();
      await page.getByRole('button', { name: 'Open the camera' }).waitFor();
      await screenshot(page, 'transfer-camera-denied-360', { fullPage: false });
      await finish(session);
    } finally {
      await browser.close();
    }
  });

  test('the camera seeing codes that are not OpsDrill\'s, then nothing new, says so', async () => {
    // A video of one code of the transfer, over and over: one code in, then
    // a stall.
    const one = path.join(work, 'one.y4m');
    writeY4m(one, { side: codes.side, frames: [codes.frames[0]] });
    const browser = await cameraBrowser(one);
    try {
      const session = await openApp({ ...env, browser }, '#/receive', PHONE);
      const { page } = session;
      await page.getByRole('button', { name: 'Open the camera' }).click();
      await page.getByText(`1 of ${codes.count} codes received`).waitFor({ timeout: 30_000 });
      await page.getByRole('status').filter({ hasText: `No new code for 15 seconds: ${codes.count - 1} still missing` }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Stop' }).click();
      await page.getByRole('button', { name: 'Open the camera' }).waitFor();
      assert.equal(await page.getByRole('region', { name: 'Import preview' }).count(), 0);
      await finish(session);
    } finally {
      await browser.close();
    }
  });
});

describe('only what changed, and a backup file opened with the app', () => {
  test('a second send offers only what changed since the first; the receiver is warned of the gap', async () => {
    const session = await openApp(env, '#/settings', DESKTOP, { init: seedSender });
    const { page } = session;
    await sendAndCapture(session);
    await page.getByRole('button', { name: 'Stop' }).click();
    // An edit after the first send, then a send of only that.
    await page.evaluate(() => localStorage.setItem('opsdrill/answer/error-budget-negotiation', JSON.stringify({ version: 1, text: 'A later edit.', updated_ms: Date.now() + 1_000 })));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Send to another device' }).waitFor();
    assert.equal(await page.getByLabel(/^Only what changed since I last sent/).isChecked(), true, 'the default once sent');
    await page.getByRole('button', { name: 'Start sending' }).click();
    const changed = await captureCodes(page);
    assert.match(await page.getByText(/^What changed since/).innerText(), /^What changed since \d{4}-\d{2}-\d{2}$/);
    await finish(session);
    const video = path.join(work, 'changed.y4m');
    writeY4m(video, changed);
    const browser = await cameraBrowser(video);
    try {
      const receiver = await openApp({ ...env, browser }, '#/receive', PHONE);
      await receiver.page.getByRole('button', { name: 'Open the camera' }).click();
      const preview = receiver.page.getByRole('region', { name: 'Import preview' });
      await preview.waitFor({ timeout: 60_000 });
      const text = await preview.innerText();
      assert.match(text, /The backup holds 1 answer/);
      assert.match(text, /this device has never taken a transfer from it/);
      // A part of the other device's data cannot replace all of this one's.
      assert.equal(await receiver.page.getByRole('button', { name: 'Replace everything…' }).count(), 0);
      await screenshot(receiver.page, 'transfer-changed-preview-360');
      await receiver.page.getByRole('button', { name: 'Merge into my data' }).click();
      await receiver.page.getByRole('status').filter({ hasText: 'Imported the transfer' }).waitFor();
      assert.equal((await storedRecord(receiver.page, 'opsdrill/answer/error-budget-negotiation')).text, 'A later edit.');
      await finish(receiver);
    } finally {
      await browser.close();
    }
  });

  test('"Share backup" hands the backup file to the share sheet where the browser can share files', async () => {
    const session = await openApp(env, '#/settings', PHONE, {
      init: async (session) => {
        await fakeShareSheet(session);
        await session.page.addInitScript(() => localStorage.setItem('opsdrill/answer/alert-fatigue', JSON.stringify({ version: 1, text: 'Shared from the laptop.', updated_ms: 9 })));
      },
    });
    const { page } = session;
    await page.getByRole('button', { name: 'Share backup' }).click();
    await page.getByText('Backup shared.').waitFor();
    const [shared] = await page.evaluate(() => window.__shared);
    assert.match(shared.name, /^opsdrill-backup-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(shared.type, 'application/json');
    assert.equal(JSON.parse(shared.text).answers['alert-fatigue'].text, 'Shared from the laptop.');
    await finish(session);
  });

  test('opening a backup file with the installed app goes to its import preview', async () => {
    // The platform's launch queue, as Chromium gives it to an installed app
    // opened on a file: the app's own consumer gets a file handle.
    const backup = JSON.stringify({ app: 'opsdrill', schema_version: 1, answers: { 'alert-fatigue': { version: 1, text: 'From a file.', updated_ms: 5 } } });
    const session = await openApp(env, '', PHONE, {
      init: ({ context }) => context.addInitScript((text) => {
        // Chromium's own is a read-only property of every window.
        Object.defineProperty(window, 'launchQueue', {
          value: {
            setConsumer(consume) {
              setTimeout(() => consume({ files: [{ getFile: async () => new File([text], 'opsdrill-backup.json', { type: 'application/json' }) }] }), 0);
            },
          },
        });
      }, backup),
    });
    const { page } = session;
    const preview = page.getByRole('region', { name: 'Import preview' });
    await preview.waitFor();
    assert.match(page.url(), /#\/settings$/);
    assert.match(await preview.innerText(), /Ready to import opsdrill-backup\.json/);
    assert.match(await preview.innerText(), /1 new answer added/);
    const manifest = await (await page.request.get(`${env.server.base}manifest.webmanifest`)).json();
    assert.deepEqual(manifest.file_handlers[0].accept, { 'application/json': ['.json'] });
    await finish(session);
  });
});
