// Browser journeys against the running system, driven by deploy's BrowserJourneysIT: Debian's Chromium through
// playwright-core (no browser download). Every step is printed; any failure exits non-zero with the reason.
// Environment: BASE_URL, TENANT, PASSWORD, CUSTOMER_EMAIL, AGENT_EMAIL, SCREENSHOTS (a directory).
import { readFileSync } from 'node:fs';
import { accessible, base, contextFor, env, journey, shot, signIn, step, until } from './support.mjs';

const tenant = env('TENANT');

await journey('journeys', async () => {
  const subject = `Printer on floor 3 is jammed ${Date.now()}`;
  const reply = 'We have sent a technician, it will work again within the hour.';
  const note = 'Internal: customer is on the gold plan, prioritise.';

  // the admin creates a category in the admin console; the portal's request form offers it
  const category = `Printers ${Date.now() % 100000}`;
  const admin = await contextFor('admin');
  await signIn(admin, tenant, env('ADMIN_EMAIL'), '/app');
  await admin.goto(base + '/admin/categories');
  await admin.getByLabel('Name').fill(category);
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.getByTestId('categories').getByText(category).waitFor();
  step('admin created the category ' + category);
  await shot(admin, '00-admin-categories');
  await accessible(admin, 'the admin console\'s categories');
  await admin.getByRole('link', { name: 'API keys' }).click();
  await admin.getByLabel('Name').fill('Reporting export');
  await admin.getByRole('button', { name: 'Create' }).click();
  const key = (await admin.getByTestId('created-key').locator('code').textContent())?.trim();
  if (!key || key.length < 20) throw new Error(`no API key shown once: ${key}`);
  step('admin created an API key, shown once');
  await accessible(admin, 'the admin console\'s API keys');
  await admin.getByRole('link', { name: 'Audit log' }).click();
  await admin.locator('table.table tbody tr').first().waitFor();
  step('admin reads the security audit log');
  await shot(admin, '00b-admin-audit');
  await accessible(admin, 'the admin console\'s audit log');

  // the customer signs in to the portal and submits a request
  const customer = await contextFor('customer');
  await signIn(customer, tenant, env('CUSTOMER_EMAIL'), '/portal', { check: true });
  await customer.getByText('You have no tickets yet.').waitFor();
  await shot(customer, '01-portal-my-tickets-empty');
  await accessible(customer, 'the portal\'s ticket list');
  await customer.getByRole('link', { name: 'Submit a request' }).first().click();
  await customer.getByLabel('Subject').fill(subject);
  await customer.getByLabel('How can we help?').fill('It shows error E-42 and will not print anything.');
  await customer.getByLabel('Category').selectOption({ label: category });
  await customer.getByLabel('Attach files').setInputFiles({ name: 'printer-display.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Display: E-42 paper path\n') });
  step('the portal form offers the new category');
  await shot(customer, '02-portal-submit-form');
  await accessible(customer, 'the portal\'s request form');
  await customer.getByRole('button', { name: 'Submit request' }).click();
  const number = (await customer.getByTestId('ticket-number').textContent())?.trim();
  if (!number?.match(/^#\d+$/)) throw new Error(`no ticket number on the confirmation: ${number}`);
  await customer.getByText('1 file(s) attached.').waitFor();
  step(`customer submitted ${number} with a file`);
  await shot(customer, '03-portal-submitted');

  // no token is readable by the page: nothing in web storage, the refresh cookie is httpOnly
  const exposed = await customer.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  if (/eyJ|autocrm_refresh/.test(exposed)) throw new Error(`a token is readable by page scripts: ${exposed}`);
  step('no token in localStorage, sessionStorage or readable cookies');

  // the customer stays on the ticket's page while the agent works on it
  await customer.getByRole('link', { name: 'View ticket' }).click();
  await customer.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();

  // the agent finds it among the unassigned tickets, opens it, replies and writes an internal note
  const agent = await contextFor('agent');
  await signIn(agent, tenant, env('AGENT_EMAIL'), '/app');
  await agent.getByRole('tab', { name: 'Unassigned' }).click();
  const row = agent.getByTestId('ticket-row').filter({ hasText: subject });
  await until(agent, row, () => agent.getByRole('button', { name: 'Refresh' }).click(), 'the new ticket in the queue');
  step('agent sees the ticket in the unassigned queue');
  await shot(agent, '04-app-queue');
  await accessible(agent, 'the queue');
  const [download] = await Promise.all([agent.waitForEvent('download'),
    agent.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  if (!csv.includes(subject)) throw new Error(`the CSV export does not name the ticket:\n${csv}`);
  step('the queue exported as CSV names the ticket');
  // by keyboard: j selects the first row, Enter opens it
  await agent.keyboard.press('j');
  await agent.keyboard.press('Enter');
  await agent.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();
  await agent.getByRole('button', { name: 'Download printer-display.txt' }).waitFor();
  step('agent sees the file the customer sent with the request');
  await agent.getByLabel('Public reply').fill(reply);
  await agent.getByRole('button', { name: 'Send reply' }).click();
  await agent.getByTestId('message-public').filter({ hasText: reply }).waitFor();
  step('agent replied publicly');
  await agent.getByRole('button', { name: 'Internal note' }).click();
  await agent.getByLabel('Internal note').fill(note);
  await agent.getByRole('button', { name: 'Add note' }).click();
  await agent.getByTestId('message-internal').filter({ hasText: note }).waitFor();
  step('agent wrote an internal note');
  await agent.getByLabel('Tags').fill('hardware, floor-3');
  await agent.getByRole('button', { name: 'Save' }).click();
  await agent.locator('.details dd').filter({ hasText: 'hardware, floor-3' }).waitFor();
  step('agent tagged the ticket');
  await shot(agent, '05-app-ticket-replied');
  await accessible(agent, 'the ticket view');

  // the reload keeps the agent signed in: the session comes back from the refresh cookie
  await agent.reload();
  await agent.getByTestId('message-internal').filter({ hasText: note }).waitFor();
  step('after a reload the agent is still signed in and sees the note');

  // the customer, still on the ticket, sees the reply arrive without reloading, and never the note
  await customer.getByTestId('message-public').filter({ hasText: reply }).waitFor({ timeout: 30_000 })
    .catch(() => { throw new Error('the agent\'s reply did not arrive live in the portal within 30 s'); });
  const text = await customer.locator('body').innerText();
  if (text.includes(note) || text.includes('Internal')) throw new Error('the customer sees the internal note');
  step('customer sees the public reply and not the internal note');
  await shot(customer, '06-portal-ticket-with-reply');
  await accessible(customer, 'the portal\'s ticket view');

  // a stale write: the team lead raises the priority while the agent's page still shows the ticket as it was;
  // the agent's status change is refused by version and the dialog shows what changed, then re-applies it
  // (the workspace is live: cut the agent's stream first, as when an update has not arrived yet)
  await agent.route('**/api/stream', (route) => route.abort());
  await agent.reload();
  await agent.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();
  const lead = await contextFor('team lead');
  await signIn(lead, tenant, env('LEAD_EMAIL'), '/app');
  await lead.goto(agent.url());
  await lead.getByLabel('Change priority').selectOption('HIGH');
  await lead.locator('.ticket-title .badge.priority-HIGH').waitFor();
  step('team lead raised the priority to High');
  await agent.getByLabel('Change status').selectOption('PENDING');
  await agent.getByRole('button', { name: 'Apply' }).click();
  const conflict = agent.getByTestId('conflict');
  await conflict.waitFor();
  await conflict.getByText('Priority changed to High').waitFor({ timeout: 5_000 }).catch(async () => {
    throw new Error('the conflict dialog does not show what changed: ' + await conflict.innerText());
  });
  await conflict.getByText('Your change: Status changed to Pending').waitFor();
  step('agent\'s stale status change opened the conflict dialog showing the priority change');
  await shot(agent, '07-app-stale-write-dialog');
  await accessible(agent, 'the conflict dialog');
  await conflict.getByRole('button', { name: 'Apply my change again' }).click();
  await agent.locator('.ticket-title .badge.status-PENDING').waitFor();
  await agent.locator('.ticket-title .badge.priority-HIGH').waitFor();
  step('agent re-applied the change: Pending, and the lead\'s High priority kept');

  // the agent resolves the ticket with a summary; the customer rates it, in German
  await agent.getByLabel('Change status').selectOption('RESOLVED');
  await agent.getByLabel('Resolution summary').fill('Technician replaced the fuser unit.');
  await agent.getByRole('button', { name: 'Apply' }).click();
  await agent.locator('.ticket-title .badge.status-RESOLVED').waitFor();
  step('agent resolved the ticket');
  await customer.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await until(customer, customer.getByRole('heading', { name: 'Wie zufrieden sind Sie?' }), () => customer.reload(),
    'the rating form after resolution');
  await customer.getByRole('radio', { name: '5 von 5 Sternen' }).click();
  await customer.getByLabel('Möchten Sie uns noch etwas sagen? (optional)').fill('Schnell und freundlich.');
  await shot(customer, '08-portal-rating-de');
  await accessible(customer, 'the rating form');
  await customer.getByRole('button', { name: 'Bewertung senden' }).click();
  await until(customer, customer.getByTestId('rated'), () => customer.reload(), 'the thanks for the rating');
  step('customer rated the resolved ticket, in German');

  // the portal on a phone
  await customer.setViewportSize({ width: 390, height: 844 });
  await customer.goto(base + '/portal');
  await customer.getByTestId('my-tickets').getByText(subject).waitFor();
  const overflow = await customer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the portal is ${overflow} px wider than a phone's screen`);
  await shot(customer, '09-portal-phone');
  step('the portal fits a phone\'s screen');

  // first loads, measured and printed (not asserted): time to interactive and the JavaScript transferred
  for (const [page, path] of [[customer, '/portal'], [agent, '/app']]) {
    const started = Date.now();
    await page.goto(base + path);
    await page.getByTestId('signed-in-as').waitFor({ state: 'attached' }); // a phone's top bar hides the name
    const ready = Date.now() - started;
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const scripts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js'));
      return { interactive: Math.round(navigation.domInteractive),
        jsKb: Math.round(scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0) / 1024) };
    });
    console.log(`  first load of ${path}: DOM interactive after ${timing.interactive} ms, signed in and shown after ${ready} ms, ${timing.jsKb} KB of JavaScript over the wire`);
  }

});
