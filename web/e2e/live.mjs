// The live agent workspace in two browsers at once, driven by deploy's LiveJourneyIT: what one agent (or anyone
// else) changes shows in the other agent's browser without a reload, so does who is viewing or typing on a
// ticket; then a bulk assignment of two tickets. Every step is printed; a failure exits non-zero with the reason.
// Environment: BASE_URL, TENANT, PASSWORD, AGENT_EMAIL, AGENT2_EMAIL, ADMIN_TOKEN, CUSTOMER_ID, SCREENSHOTS.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const base = env('BASE_URL');
const tenant = env('TENANT');
const password = env('PASSWORD');
const screenshots = env('SCREENSHOTS');
const adminToken = env('ADMIN_TOKEN');
const customerId = env('CUSTOMER_ID');
mkdirSync(screenshots, { recursive: true });

const step = (text) => console.log(`- ${text}`);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const problems = [];
const run = Date.now().toString(36);

async function accessible(page, name) {
  // evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  if (violations.length) throw new Error(`accessibility violations on ${name}:\n  ${violations.join('\n  ')}`);
  step(`axe: no serious or critical violation on ${name}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function contextFor(who) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(`${who}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${who}: page error ${error.message}`));
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  step(`screenshot ${name}.png`);
}

async function signIn(page, email) {
  await page.goto(base + '/');
  await page.getByLabel('Organisation').fill(tenant);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/app'));
  await page.getByTestId('signed-in-as').waitFor();
  step(`${email} signed in`);
}

/** A ticket opened by someone else (the admin, through the API), as a customer's request would arrive. */
async function openTicket(subject) {
  const response = await fetch(base + '/api/tickets', {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ customerId, subject, description: 'Opened while the agents watch', priority: 'MEDIUM' }),
  });
  if (response.status !== 201) throw new Error(`opening a ticket answered ${response.status}: ${await response.text()}`);
  const body = await response.json();
  step(`someone else opened "${subject}"`);
  return body.ticketId ?? body.id;
}

/** Runs `action` and fails when the page was loaded anew meanwhile (the app's own links change the address in place). */
async function withoutReload(page, action) {
  await page.evaluate(() => { window.__sameDocument = true; });
  await action();
  if (!(await page.evaluate(() => window.__sameDocument === true))) throw new Error('the page was reloaded');
}

let exitCode = 0;
try {
  const alex = await contextFor('agent');
  const blake = await contextFor('second agent');
  await signIn(alex, env('AGENT_EMAIL'));
  await signIn(blake, env('AGENT2_EMAIL'));

  // the second agent watches the unassigned queue; a ticket opened elsewhere appears in it
  await blake.goto(base + '/app?tab=unassigned');
  await blake.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor();
  step('the second agent\'s queue is live');
  const first = `Printer on fire ${run}`;
  await withoutReload(blake, async () => {
    const firstId = await openTicket(first);
    await blake.getByTestId('ticket-row').filter({ hasText: first }).waitFor();
    step('the new ticket appeared in the second agent\'s queue without a reload');

    // both open it: each sees the other, and the typing
    await alex.goto(`${base}/app/tickets/${firstId}`);
    await alex.getByTestId('ticket-subject').filter({ hasText: first }).waitFor();
    await blake.getByTestId('ticket-row').filter({ hasText: first }).click();
    await blake.getByTestId('ticket-subject').filter({ hasText: first }).waitFor();
    await blake.getByTestId('presence-viewing').first().waitFor();
    step('the second agent sees the first agent viewing the ticket');
    await alex.locator('#composer-body').focus();
    await blake.getByTestId('presence-typing').first().waitFor();
    step('the second agent sees the first agent typing');
    await shot(blake, 'live-01-presence-typing');
    await accessible(blake, 'the ticket with presence');

    const reply = `We are on it (${run})`;
    await alex.locator('#composer-body').fill(reply);
    await alex.getByRole('button', { name: /^Send/ }).click();
    await blake.getByTestId('message-public').filter({ hasText: reply }).waitFor();
    step('the first agent\'s reply appeared in the second agent\'s conversation without a reload');
    await alex.getByTestId('ticket-subject').click(); // the agent leaves the composer
    await blake.getByTestId('presence-viewing').first().waitFor();
    step('typing ended: viewing again');
    await shot(blake, 'live-02-reply-arrived');

    // back in the queue, the second agent sees the ticket leave the unassigned tab when the first takes it
    await blake.goBack();
    await blake.waitForURL((url) => url.pathname === '/app' && url.search.includes('unassigned'));
    await blake.getByTestId('ticket-row').filter({ hasText: first }).waitFor();
    await alex.getByRole('button', { name: 'Assign to me' }).click();
    await alex.getByTestId('assignee').filter({ hasText: 'You' }).waitFor();
    await blake.getByTestId('ticket-row').filter({ hasText: first }).waitFor({ state: 'detached' });
    step('the assigned ticket left the second agent\'s unassigned queue without a reload');
  });

  // bulk: two new tickets, selected by mouse and by keyboard, assigned to the second agent at once
  const second = `Bulk one ${run}`;
  const third = `Bulk two ${run}`;
  await openTicket(second);
  await openTicket(third);
  const rowOf = (subject) => blake.locator('.row-wrap').filter({ hasText: subject });
  await rowOf(second).waitFor();
  await rowOf(third).waitFor();
  await rowOf(second).getByTestId('ticket-check').check();
  await rowOf(third).getByTestId('ticket-check').focus();
  await blake.keyboard.press('Space');
  await blake.getByTestId('bulk-count').filter({ hasText: '2 selected' }).waitFor();
  await accessible(blake, 'the queue with a selection');
  await shot(blake, 'live-03-bulk-selected');
  await blake.getByRole('button', { name: 'Assign to me' }).click();
  await blake.getByTestId('bulk-result').filter({ hasText: '2 changed, 0 refused' }).waitFor();
  step('bulk assignment: 2 changed, 0 refused');
  await rowOf(second).waitFor({ state: 'detached' });
  await rowOf(third).waitFor({ state: 'detached' });
  await shot(blake, 'live-04-bulk-result');
  await blake.goto(base + '/app');
  await rowOf(second).waitFor();
  await rowOf(third).waitFor();
  step('both tickets are in the second agent\'s own queue');

  if (problems.length) throw new Error(`browser problems:\n  ${problems.join('\n  ')}`);
  step('live journey done');
} catch (error) {
  console.log(`FAILED: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
