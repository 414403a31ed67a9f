// Seed 001's customer ticket flow, clicked through in three browsers at once, driven by deploy's StoryJourneyIT:
// Maria (agent) creates Sarah as a customer and a ticket for her; Lisa (admin) assigns it to the technical support
// group, and Maria, in no group, is told live that it is out of her sight; Alex (agent of that group) finds it in his
// group's tab, takes it (the group assignment goes), works it with notes, a file and a reply, and resolves it while
// Lisa's page follows live; Lisa closes it and reads its history.
// Environment (besides support.mjs's): TENANT, MARIA_EMAIL, ALEX_EMAIL, LISA_EMAIL, GROUP.
import { accessible, contextFor, env, journey, shot, signIn, step, until } from './support.mjs';

const tenant = env('TENANT');
const group = env('GROUP');
const run = Date.now().toString(36);
const subject = `Cannot access dashboard ${run}`;

/** The status form's own Apply (the assignment fields have theirs). */
const applyStatus = (page) => page.locator('form').filter({ has: page.getByLabel('Change status') })
  .getByRole('button', { name: 'Apply' }).click();

await journey('the story of seed 001', async () => {
  // Chapter 1: Sarah calls; Maria finds no profile for her, creates one and opens the ticket
  const maria = await contextFor('maria');
  await signIn(maria, tenant, env('MARIA_EMAIL'), '/app', { check: true });
  await maria.getByRole('link', { name: 'New ticket' }).click();
  await maria.getByLabel('Find a customer by name, email or company').fill(`sarah.${run}@acme.test`);
  await maria.getByText('No customer matches. Create one below.').waitFor();
  await maria.getByLabel('Name', { exact: true }).fill('Sarah Chen');
  await maria.getByLabel('Email', { exact: true }).fill(`sarah.${run}@acme.test`);
  await maria.getByLabel('Company', { exact: true }).fill('Acme Corp');
  await accessible(maria, 'the new-ticket page');
  await maria.getByRole('button', { name: 'Create customer' }).click();
  await maria.getByTestId('chosen-customer').filter({ hasText: 'For Sarah Chen' }).waitFor();
  step('Maria created Sarah Chen of Acme Corp as a customer');
  await maria.getByLabel('Subject').fill(subject);
  await maria.getByLabel('Description').fill('Unable to log in');
  await maria.getByLabel('Priority').selectOption('HIGH');
  await maria.getByLabel('Received by').selectOption('email');
  await shot(maria, 'story-01-maria-new-ticket');
  await maria.getByRole('button', { name: 'Create ticket' }).click();
  await maria.waitForURL(/\/app\/tickets\/[^/]+$/);
  await maria.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();
  await maria.locator('.ticket-title .badge.priority-HIGH').waitFor();
  const ticketUrl = maria.url();
  step(`Maria opened the ticket for Sarah, priority High (${new URL(ticketUrl).pathname})`);

  // Chapter 2, option B: Lisa, the admin, gives it to the technical support group
  const lisa = await contextFor('lisa');
  await signIn(lisa, tenant, env('LISA_EMAIL'), '/');
  await lisa.goto(ticketUrl);
  await lisa.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();
  await lisa.getByLabel('Assign to group').selectOption(group);
  await lisa.locator('.field').filter({ has: lisa.getByLabel('Assign to group') }).getByRole('button', { name: 'Apply' }).click();
  await lisa.getByTestId('group').filter({ hasText: group }).waitFor();
  step(`Lisa assigned the ticket to the group ${group}`);
  // Maria is in no group: a ticket given to a group she is not in is no longer hers to see, and her page says so at once
  await maria.getByTestId('ticket-hidden').waitFor({ timeout: 30_000 })
    .catch(() => { throw new Error('Maria\'s page did not say the ticket went out of her sight'); });
  step('Maria\'s page says, without a reload, that the ticket is now someone else\'s');

  // Alex finds it in his group's tab, takes it: now his alone, the group assignment is gone
  const alex = await contextFor('alex');
  await signIn(alex, tenant, env('ALEX_EMAIL'), '/app');
  await alex.getByRole('tab', { name: `Group ${group}` }).click();
  const row = alex.getByTestId('ticket-row').filter({ hasText: subject });
  await until(alex, row, () => alex.getByRole('button', { name: 'Refresh' }).click(), 'the ticket in Alex\'s group tab');
  await shot(alex, 'story-02-alex-group-queue');
  await accessible(alex, 'the group\'s queue');
  step('Alex sees the ticket in his group\'s tab');
  await row.click();
  await alex.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();
  await alex.getByRole('button', { name: 'Assign to me' }).click();
  await alex.getByTestId('assignee').filter({ hasText: 'You' }).waitFor();
  await alex.getByTestId('group').filter({ hasText: '—' }).waitFor();
  step('Alex assigned the ticket to himself; it is no longer the group\'s');
  await alex.getByLabel('Change status').selectOption('IN_PROGRESS');
  await applyStatus(alex);
  await alex.locator('.ticket-title .badge.status-IN_PROGRESS').waitFor();
  step('Alex set the ticket In progress');

  // Chapter 3: notes for the team (one with a file), and a reply to Sarah
  for (const note of ['Checking customer credentials in the database',
    'Found that the account was locked due to multiple failed login attempts']) {
    await alex.getByRole('button', { name: 'Internal note' }).click();
    await alex.getByLabel('Internal note').fill(note);
    if (note.startsWith('Found')) {
      await alex.locator('#composer-files').setInputFiles({ name: 'lockout.log', mimeType: 'text/plain',
        buffer: Buffer.from('09:41 login failed\n09:42 login failed\n09:42 account locked\n') });
      await alex.getByTestId('upload').filter({ hasText: 'lockout.log' }).waitFor();
      await alex.waitForFunction(() => !document.querySelector('[data-testid=composer]')?.textContent?.includes('uploading…'));
    }
    await alex.getByRole('button', { name: 'Add note' }).click();
    await alex.getByTestId('message-internal').filter({ hasText: note }).waitFor();
  }
  await alex.getByTestId('message-internal').filter({ hasText: 'account was locked' })
    .getByRole('button', { name: 'Download lockout.log' }).waitFor();
  step('Alex wrote two internal notes, the second with the lockout log attached');
  await alex.getByRole('button', { name: 'Reply', exact: true }).click();
  await alex.getByLabel('Public reply').fill('Your account was locked after several failed sign-ins. We have unlocked it.');
  await alex.getByRole('button', { name: 'Send reply' }).click();
  await alex.getByTestId('message-public').filter({ hasText: 'We have unlocked it' }).waitFor();
  step('Alex replied to Sarah');

  // Chapter 5: resolved with a summary; Maria, still on the ticket, sees it without reloading
  await alex.getByLabel('Change status').selectOption('RESOLVED');
  await alex.getByLabel('Resolution summary').fill('Account unlocked. Customer should be able to log in now. Reset password sent to email.');
  await applyStatus(alex);
  await alex.locator('.ticket-title .badge.status-RESOLVED').waitFor();
  await shot(alex, 'story-03-alex-resolved');
  await accessible(alex, 'the resolved ticket');
  step('Alex resolved the ticket with a summary');
  // Lisa, an admin, sees everything: her page, open since she routed the ticket, followed every step
  await lisa.locator('.ticket-title .badge.status-RESOLVED').waitFor({ timeout: 30_000 })
    .catch(() => { throw new Error('Lisa\'s page did not show the ticket resolved without a reload'); });
  await lisa.getByTestId('message-internal').filter({ hasText: 'account was locked' }).waitFor();
  step('Lisa\'s page shows it resolved, with Alex\'s notes, without a reload');

  // Lisa closes it; the history tells the whole journey
  await lisa.getByLabel('Change status').selectOption('CLOSED');
  await lisa.getByLabel('Resolution summary').fill('Confirmed with Sarah: she can sign in again.');
  await applyStatus(lisa);
  await lisa.locator('.ticket-title .badge.status-CLOSED').waitFor();
  const history = lisa.locator('.card').filter({ has: lisa.getByRole('heading', { name: 'History' }) });
  await history.getByText('Status changed to Closed').waitFor();
  const told = await history.innerText();
  for (const event of ['Ticket created', 'Assigned', 'Status changed to In progress', 'Internal note added', 'Reply added',
    'Status changed to Resolved']) {
    if (!told.includes(event)) throw new Error(`the history does not tell "${event}":\n${told}`);
  }
  await shot(lisa, 'story-04-lisa-closed-history');
  step('Lisa closed the ticket; its history tells every step from creation to closing');
});
