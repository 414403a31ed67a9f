// The live agent workspace in two browsers at once, driven by deploy's LiveJourneyIT: what one agent (or anyone
// else) changes shows in the other agent's browser without a reload, so does who is viewing or typing on a
// ticket; then a bulk assignment of two tickets. Every step is printed; a failure exits non-zero with the reason.
// Environment: BASE_URL, TENANT, PASSWORD, AGENT_EMAIL, AGENT2_EMAIL, ADMIN_TOKEN, CUSTOMER_ID, SCREENSHOTS.
import { accessible, base, contextFor, env, journey, shot, signIn, step } from './support.mjs';

const tenant = env('TENANT');
const adminToken = env('ADMIN_TOKEN');
const customerId = env('CUSTOMER_ID');
const run = Date.now().toString(36);

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

await journey('live journey', async () => {
  const alex = await contextFor('agent');
  const blake = await contextFor('second agent');
  await signIn(alex, tenant, env('AGENT_EMAIL'), '/app');
  await signIn(blake, tenant, env('AGENT2_EMAIL'), '/app');

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

  step('live journey done');
});
