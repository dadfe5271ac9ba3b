// The web client in a real browser (Debian's Chromium, driven by playwright-core) on the real stack.
// A coach and a candidate, in two browser contexts, run one coached round together; every page is checked
// with axe-core, at 375 px, for console errors, and kept as a screenshot. Exits non-zero on the first failure.
//
//   GATEWAY_URL=http://localhost:8080 SCREENSHOTS=target/screenshots node e2e/browser-tests.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const GW = process.env.GATEWAY_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? 'target/screenshots';
const PASSWORD = 'demo'; // the local realm's demo password
const WAIT = 60_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(SHOTS, { recursive: true });

const results = { passed: 0, failed: 0 };
const violations = [];
const consoleErrors = [];

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.failed++;
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    throw e;
  }
}

function watch(page, who) {
  page.on('console', (m) => { if (m.type() === 'error' && page.url().startsWith(GW)) consoleErrors.push(`${who}: ${m.text()} @ ${page.url()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${who}: ${e.message} @ ${page.url()}`));
}

/** axe-core on the page as it is now: serious and critical violations are collected for the final check. */
async function audit(page, name) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
  for (const v of found) violations.push(`${name}: ${v}`);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A link of the main navigation, by its exact name. */
function nav(page, name) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function login(page, username) {
  await page.goto(`${GW}/`);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('#username').fill(username);
  // with organizations on, Keycloak asks for the username first (to find the firm's identity provider)
  if (!(await page.locator('#password').isVisible())) await page.locator('#kc-login').click();
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.getByRole('button', { name: 'Log out' }).waitFor({ timeout: WAIT });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let exitCode = 0;
try {
  const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const candidateContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const coach = await coachContext.newPage();
  const candidate = await candidateContext.newPage();
  watch(coach, 'coach');
  watch(candidate, 'candidate');

  await step('the first page is interactive, and its time is measured', async () => {
    await candidate.goto(`${GW}/`);
    const button = candidate.getByRole('button', { name: 'Log in' });
    await button.waitFor();
    const ms = await candidate.evaluate(() => performance.now());
    const nav = await candidate.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]?.toJSON?.() ?? {}));
    console.log(`first page interactive after ${Math.round(ms)} ms (domContentLoaded ${Math.round(JSON.parse(nav).domContentLoadedEventEnd ?? 0)} ms)`);
    await audit(candidate, '01-welcome');
  });

  await step('the candidate and the coach log in through Keycloak (code + PKCE)', async () => {
    await login(candidate, 'cara');
    await login(coach, 'colin');
    await audit(candidate, '02-candidate-home');
  });

  await step('the catalog searches and filters by facet', async () => {
    await nav(candidate, 'Catalog').click();
    await candidate.getByText(/\d+ questions?/).first().waitFor({ timeout: WAIT });
    await candidate.getByLabel('Search questions').fill('retention');
    await candidate.getByRole('button', { name: 'Search' }).click();
    await candidate.locator('.results li').first().waitFor({ timeout: WAIT });
    const before = await candidate.locator('.results li').count();
    assert.ok(before > 0, 'a search for retention finds questions');
    await audit(candidate, '03-catalog');
  });

  let sessionUrl;
  await step('the coach schedules a coached round for a candidate of the firm', async () => {
    await nav(coach, 'Schedule').click();
    // a select's accessible name includes its label and its chosen option ("Candidate Choose a candidate")
    const candidatePicker = coach.getByRole('combobox', { name: /^Candidate\b/ });
    await candidatePicker.waitFor({ timeout: WAIT });
    assert.equal(await candidatePicker.evaluate((el) => el.tagName), 'SELECT', 'the coach picks from the firm\'s candidates');
    const cara = await candidatePicker.locator('option', { hasText: /^cara\b/ }).getAttribute('value');
    await candidatePicker.selectOption(cara);
    await coach.getByLabel('Loop').selectOption('netflix-data-pm');
    await coach.getByLabel('Round').selectOption('1');
    await audit(coach, '04-schedule');
    await coach.getByRole('button', { name: 'Schedule' }).click();
    await coach.getByRole('heading', { name: 'Interviewer controls' }).waitFor({ timeout: WAIT });
    sessionUrl = coach.url();
    assert.match(sessionUrl, /#\/sessions\/[0-9a-f-]{36}$/);
  });

  await step('the candidate finds the session in her list and starts it', async () => {
    await nav(candidate, 'Home').click();
    await candidate.goto(sessionUrl);
    await candidate.getByRole('button', { name: 'Start' }).click();
    await candidate.getByRole('timer').waitFor({ timeout: WAIT });
    await candidate.locator('.live-live').waitFor({ timeout: WAIT });
  });

  await step("the coach's follow-up appears on the candidate's screen, live", async () => {
    await coach.getByLabel('Follow-up or constraint').fill('But what if that data was noisy?');
    await coach.getByRole('button', { name: 'Ask follow-up' }).click();
    await candidate.locator('.interjections li.follow-up-asked', { hasText: 'But what if that data was noisy?' }).waitFor({ timeout: WAIT });
    await audit(coach, '05-coach-live-panel');
  });

  await step('the pause really pauses the clock', async () => {
    await candidate.getByRole('button', { name: 'Pause' }).click();
    await candidate.getByRole('button', { name: 'Resume' }).waitFor({ timeout: WAIT });
    const first = await candidate.getByRole('timer').textContent();
    await candidate.waitForTimeout(2200);
    assert.equal(await candidate.getByRole('timer').textContent(), first, 'a paused clock does not move');
    await candidate.getByRole('button', { name: 'Resume' }).click();
    await candidate.getByRole('button', { name: 'Pause' }).waitFor({ timeout: WAIT });
  });

  await step("the candidate answers, and the score arrives live with its evidence highlighted", async () => {
    const answer = 'At my last company I led the analytics team through a reorg. The situation: churn had risen 4% in a quarter. '
      + 'I set one primary metric, 30-day retention, with a guardrail on support tickets, and agreed the decision threshold before we looked at results. '
      + 'We ran a holdout for two weeks; retention improved 1.8 points and tickets stayed flat, so we shipped. '
      + 'What I learned: write the threshold down first, because it stops the team from arguing about the result afterwards.';
    await candidate.getByLabel('Answer', { exact: true }).fill(answer);
    await audit(candidate, '06-candidate-answering');
    await candidate.getByRole('button', { name: 'Submit answer' }).click();
    await candidate.locator('.score').first().waitFor({ timeout: WAIT });
    await candidate.locator('mark.evidence').first().waitFor({ timeout: WAIT });
    await audit(candidate, '07-candidate-scored');
  });

  await step('the candidate finishes and the debrief renders its charts', async () => {
    await candidate.getByRole('button', { name: 'Finish session' }).click();
    await candidate.getByRole('link', { name: 'Read the debrief' }).click();
    await candidate.locator('.verdict .big').waitFor({ timeout: WAIT });
    const chart = candidate.locator('.chart img');
    await chart.waitFor({ timeout: WAIT });
    assert.ok(await chart.evaluate((img) => img.complete && img.naturalWidth > 0), 'the chart image decodes');
    await audit(candidate, '08-debrief');
  });

  await step('the coach files a scorecard', async () => {
    await coach.goto(`${sessionUrl}/scorecard`);
    await coach.getByRole('button', { name: 'File scorecard' }).waitFor({ timeout: WAIT });
    for (const group of await coach.locator('fieldset.levels').all()) await group.getByLabel('3').check();
    await coach.getByLabel('Recommendation').selectOption('YES');
    await audit(coach, '09-scorecard');
    await coach.getByRole('button', { name: 'File scorecard' }).click();
    await coach.getByRole('status').filter({ hasText: 'Scorecard filed' }).waitFor({ timeout: WAIT });
  });

  await step("the coach reads their calibration", async () => {
    await nav(coach, 'Calibration').click();
    await coach.getByRole('heading', { name: 'Leniency against the panel' }).waitFor({ timeout: WAIT });
    await audit(coach, '10-calibration');
  });

  await step('the candidate sees her progress', async () => {
    await nav(candidate, 'Progress').click();
    await candidate.getByRole('heading', { name: 'Your progress' }).waitFor({ timeout: WAIT });
    await candidate.waitForLoadState('networkidle');
    await audit(candidate, '11-progress');
  });

  await step('a firm admin imports a bank and reads the row-by-row report', async () => {
    const admin = await (await browser.newContext()).newPage();
    watch(admin, 'firm-admin');
    await login(admin, 'fiona');
    await nav(admin, 'Import').click();
    await admin.getByLabel('Format').selectOption('jsonl');
    const slug = `web-import-${Date.now()}`;
    const row = { slug, title: 'Churn rose after a price change', prompt: 'Churn rose 2 points the month after a price change. Did the price cause it?',
      category: 'METRIC_DESIGN', role: 'DATA_PM', roundType: 'DATA_CASE', timeBudgetSeconds: 900, difficulty: 'MEDIUM',
      rubric: 'data-case', answerFormat: 'FREE_TEXT' };
    await admin.getByLabel('Or paste the rows').fill(`${JSON.stringify(row)}\n`);
    await admin.getByRole('button', { name: 'Import' }).click();
    await admin.getByText('1 row: 1 created').waitFor({ timeout: WAIT });
    assert.equal(await admin.locator('table.list tbody tr', { hasText: slug }).count(), 1, 'the report lists the row');
    await audit(admin, '12-import');
    await nav(admin, 'Home').click();
    await admin.locator('table.list tbody tr').first().waitFor({ timeout: WAIT });
    await audit(admin, '13-firm-sessions');
  });

  await step('every page is usable at 375 px (no sideways scrolling)', async () => {
    const narrow = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await narrow.newPage();
    watch(page, 'narrow');
    await login(page, 'cara');
    for (const [hash, name] of [['#/', 'home'], ['#/catalog', 'catalog'], [sessionUrl.split('#')[1], 'session'], ['#/progress', 'progress']]) {
      await page.goto(`${GW}/${hash.startsWith('#') ? hash : '#' + hash}`);
      await page.locator('#page-title').waitFor({ timeout: WAIT });
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${name} is ${width} px wide at 375 px`);
      await page.screenshot({ path: `${SHOTS}/375-${name}.png`, fullPage: true });
    }
  });

  await step('keyboard only: tab to the catalog, search, and land on the results', async () => {
    await candidate.goto(`${GW}/#/`);
    // the client puts focus on the page's heading (after the navigation), as it does on every page change:
    // a keyboard user goes back to the navigation with Shift+Tab
    await candidate.locator('#page-title').focus();
    for (let i = 0; i < 12; i++) {
      await candidate.keyboard.press('Shift+Tab');
      if (await candidate.evaluate(() => document.activeElement?.textContent === 'Catalog')) break;
    }
    assert.equal(await candidate.evaluate(() => document.activeElement?.textContent), 'Catalog', 'Shift+Tab reaches the navigation');
    await candidate.keyboard.press('Enter');
    await candidate.getByRole('heading', { name: 'Catalog', level: 1 }).waitFor();
    await candidate.getByLabel('Search questions').focus();
    await candidate.keyboard.type('metric');
    await candidate.keyboard.press('Enter');
    await candidate.locator('.results li').first().waitFor({ timeout: WAIT });
  });

  await step('an API error shows its problem+json title and detail', async () => {
    const expected = consoleErrors.length; // the browser logs the 404 it is about to get: expected here
    await candidate.goto(`${GW}/#/sessions/00000000-0000-0000-0000-000000000000`);
    const alert = candidate.getByRole('alert');
    await alert.waitFor({ timeout: WAIT });
    const text = await alert.textContent();
    assert.match(text ?? '', /not found/i, `the alert shows the problem: ${text}`);
    consoleErrors.splice(expected, consoleErrors.length - expected, ...consoleErrors.slice(expected).filter((e) => !/status of 404/.test(e)));
  });

  await step('axe-core: no serious or critical violation on any page', async () => {
    assert.deepEqual(violations, []);
  });
  await step('no error in any console', async () => {
    assert.deepEqual(consoleErrors, []);
  });
} catch {
  exitCode = 1;
} finally {
  await browser.close();
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(exitCode);
