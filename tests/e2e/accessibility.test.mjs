// axe-core on every page, light and dark, phone and desktop: no violations.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, axeViolations, DESKTOP, newPage, PHONE, serverAndBrowser, showPage } from './support.mjs';

const env = serverAndBrowser();

const pages = [
  ['home', ''],
  ['questions', '#/questions'],
  ['question with the answer shown', '#/q/alert-fatigue', 'reveal'],
  ['STAR question with the answer shown', '#/q/conflict-with-another-team', 'reveal'],
  ['ask question with the answer shown', '#/q/ask-how-does-on-call-work', 'reveal'],
  ['practice', '#/practice'],
  ['mock interview setup', '#/mock'],
  ['mock interview question', '#/mock', 'mock-question'],
  ['mock interview follow-up', '#/mock', 'mock-follow-up'],
  ['mock interview summary', '#/mock', 'mock-summary'],
  ['commute', '#/commute'],
  ['stories', '#/stories'],
  ['progress', '#/progress'],
  ['settings', '#/settings'],
  ['not found', '#/q/nope'],
];

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [PHONE, DESKTOP]) {
      test(`axe finds no violations (${colorScheme}, ${viewport.width}px)`, async () => {
        // axe is injected as a script, which the app's CSP would rightly block.
        const session = await newPage(env.browser, env.server.base, viewport, { bypassCSP: true, colorScheme });
        const { page, context } = session;
        const found = [];
        for (const [name, hash, action] of pages) {
          // A mock interview starts from a fresh load (one that is running
          // carries on when its page is shown again); other pages are shown
          // by changing the hash, as a user's link does.
          if (action?.startsWith('mock') || name === 'home') {
            await page.goto(`${env.server.base}${hash}`);
            await page.reload();
            await appReady(page);
          } else {
            await showPage(page, `${env.server.base}${hash}`);
          }
          if (action === 'reveal') {
            await page.getByRole('button', { name: 'Show model answer' }).click();
            await page.locator('.checklist input').first().check();
          }
          if (action?.startsWith('mock')) {
            await page.getByRole('button', { name: 'Start mock interview' }).click();
            await page.getByRole('timer').waitFor();
            if (action === 'mock-follow-up') {
              await page.getByRole('button', { name: 'Next: a follow-up' }).click();
              await page.getByText(/^Follow-up 1 of/).waitFor();
            }
            if (action === 'mock-summary') {
              // Five questions, each with up to two follow-ups.
              for (let i = 0; i < 20 && (await page.getByRole('timer').count()) > 0; i++) {
                await page.locator('.mock-running .mode-links .button').first().click();
              }
              await page.getByRole('heading', { level: 2, name: /^Summary:/ }).waitFor();
            }
          }
          found.push(...(await axeViolations(page, name)));
        }
        await context.close();
        assert.deepEqual(found, []);
      });
    }
  }
});
