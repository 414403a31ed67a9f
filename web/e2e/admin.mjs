// The admin console's browser journey, driven by deploy's AdminJourneyIT: an admin defines a custom field visible
// to customers and the portal's submit form shows it with its validation; a team lead opens the manager dashboard
// and its charts are drawn; the admin sets up single sign-on and the sign-in page then offers it for the tenant (a
// provider that cannot be reached sends the browser back with a message), and turns it off again. The admin writes
// a routing rule (category → assign group), is shown the API's 422 next to the bad condition, and dry-runs the rule
// on the customer's ticket ("would match", the action); the team lead reads the rules without changing them. Every
// step is printed; any failure exits non-zero with the reason.
// The admin then writes an SLA calendar and policy, sets the group to round robin and its agent available, and the
// team lead switches their own availability in the workspace header.
// Environment: BASE_URL, TENANT, PASSWORD, ADMIN_EMAIL, LEAD_EMAIL, CUSTOMER_EMAIL, CATEGORY, GROUP, AGENT_NAME,
// SCREENSHOTS, CHROMIUM.
import { accessible, base, contextFor, env, journey, shot, signIn, step, until } from './support.mjs';

const tenant = env('TENANT');
const category = env('CATEGORY');
const group = env('GROUP');

async function signedIn(email, landing) {
  const page = await contextFor(email, { viewport: { width: 1280, height: 900 } });
  await signIn(page, tenant, email, landing);
  return page;
}

await journey('admin journey', async () => {
  // an admin defines a dropdown the customers fill in, and a field only agents see
  const admin = await signedIn(env('ADMIN_EMAIL'), '/app');
  await admin.goto(base + '/admin/settings');
  await admin.getByRole('heading', { name: 'Custom fields' }).waitFor();
  await admin.getByLabel('Label').fill('Product line');
  await admin.getByLabel('Type').selectOption('dropdown');
  await admin.getByLabel('Options').fill('Router\nSwitch');
  await admin.getByLabel('Required').check();
  await admin.getByLabel('Visible to customers').check();
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.getByRole('status').filter({ hasText: 'Product line' }).waitFor();
  await admin.getByTestId('custom-fields').getByText('product_line').waitFor();
  await admin.getByLabel('Label').fill('Internal rating');
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.getByTestId('custom-fields').getByText('internal_rating').waitFor();
  step('admin defined the custom fields product_line (for customers) and internal_rating (agents only)');
  await accessible(admin, 'the custom fields page');
  await shot(admin, 'admin-01-custom-fields');

  // the customer's form shows the visible one, refuses to send without it, and the ticket carries the choice
  const customer = await signedIn(env('CUSTOMER_EMAIL'), '/portal');
  await customer.goto(base + '/portal/new');
  const product = customer.getByLabel('Product line');
  await product.waitFor();
  if (await customer.getByLabel('Internal rating').count() > 0) throw new Error('the portal shows a field only agents may see');
  step('the portal form shows the new custom field and not the agents-only one');
  await customer.getByLabel('Subject').fill('The router reboots at night');
  await customer.getByLabel('How can we help?').fill('Every night at 3 am.');
  if (await product.evaluate((select) => select.checkValidity())) throw new Error('the required field accepted no choice');
  await product.selectOption('Router');
  await customer.getByLabel('Category', { exact: true }).selectOption({ label: category });
  await accessible(customer, 'the portal form with custom fields');
  await shot(customer, 'admin-02-portal-form-with-custom-field');
  await customer.getByRole('button', { name: 'Submit request' }).click();
  const number = await customer.getByTestId('ticket-number').textContent();
  step(`customer submitted ${number} with product_line=Router`);

  // a team lead opens the dashboard; the charts are drawn on their canvases
  const lead = await signedIn(env('LEAD_EMAIL'), '/app');
  await lead.goto(base + '/admin/dashboard');
  await lead.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await lead.locator('canvas').first().waitFor();
  const charts = await lead.locator('canvas').count();
  const drawn = await lead.locator('canvas').evaluateAll((canvases) => canvases.filter((canvas) => canvas.width > 0
    && canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some((value) => value !== 0)).length);
  if (drawn < 5) throw new Error(`only ${drawn} of ${charts} charts were drawn`);
  step(`the dashboard drew ${drawn} charts`);
  await accessible(lead, 'the dashboard');
  await shot(lead, 'admin-03-dashboard');

  // the team lead manages the team's canned responses (macros) too, from the same console
  await lead.getByRole('link', { name: 'Canned responses' }).click();
  await lead.getByRole('heading', { name: 'New canned response' }).waitFor();
  await lead.getByLabel('Title', { exact: true }).fill('Shift handover');
  await lead.getByLabel('Text', { exact: true }).fill('Handing over to the next shift: {{ticket.subject}}.');
  await lead.getByRole('button', { name: 'Create' }).click();
  await lead.getByRole('cell', { name: 'Shift handover', exact: true }).waitFor();
  await accessible(lead, 'the canned responses as a team lead');
  step('the team lead created a canned response in the console');

  // the admin writes a routing rule: tickets of the category go to the group
  await admin.goto(base + '/admin/settings/routing-rules');
  await admin.getByRole('heading', { name: 'Routing rules', exact: true }).waitFor();
  await admin.getByText('No routing rules yet.').waitFor();
  await admin.getByRole('button', { name: 'New rule' }).click();
  const ruleName = `${category} to ${group}`;
  await admin.getByLabel('Name', { exact: true }).fill(ruleName);
  await admin.getByLabel('Field of condition 1').selectOption('categoryId');
  await admin.getByLabel('Operator of condition 1').selectOption('is');
  await admin.getByLabel('Value of condition 1').selectOption({ label: category });
  await admin.getByLabel('Action 1', { exact: true }).selectOption('assign_group');
  await admin.getByLabel('Value of action 1').selectOption(group);
  // a second condition the API refuses: a creation time that is not a time
  await admin.getByRole('button', { name: 'Add condition' }).click();
  await admin.getByLabel('Field of condition 2').selectOption('createdAt');
  await admin.getByLabel('Operator of condition 2').selectOption('greater_than');
  await admin.getByLabel('Value of condition 2').fill('next tuesday');
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.getByTestId('rule-refused').waitFor();
  const badValue = admin.getByLabel('Value of condition 2');
  if (await badValue.getAttribute('aria-invalid') !== 'true') throw new Error('the refused value is not marked invalid');
  const describedBy = await badValue.getAttribute('aria-describedby');
  const fault = (await admin.locator(`[id="${describedBy}"]`).textContent()) ?? '';
  if (!/createdAt/.test(fault)) throw new Error(`the fault next to the value reads "${fault}"`);
  if (await admin.getByLabel('Value of condition 1').getAttribute('aria-invalid') === 'true') throw new Error('the good condition is marked invalid');
  step(`the API refused the bad condition with 422 and the page shows it next to its value: ${fault}`);
  await accessible(admin, 'the rule editor with a refused condition');
  await shot(admin, 'admin-07-rule-refused');
  await admin.getByRole('button', { name: 'Remove condition 2' }).click();
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.getByRole('status').filter({ hasText: `Rule “${ruleName}” saved` }).waitFor();
  await admin.getByTestId('rule-row').filter({ hasText: ruleName }).filter({ hasText: `Assign to group: ${group}` }).waitFor();
  step(`admin created the rule "${ruleName}"`);

  // the dry run on the customer's ticket: found by its subject, described as its view shows it
  await admin.getByRole('button', { name: `Test on a ticket: ${ruleName}` }).click();
  const dryRun = admin.getByTestId('dry-run');
  await dryRun.getByLabel('Ticket', { exact: true }).fill('router');
  const tryOn = dryRun.getByRole('button', { name: `Try on ${number} The router reboots at night` });
  await until(admin, tryOn, () => dryRun.getByRole('button', { name: 'Search' }).click(), 'the customer\'s ticket in the dry run');
  await tryOn.click();
  const result = admin.getByTestId('dry-run-result');
  await result.filter({ hasText: `Would match ticket ${number}` }).waitFor();
  await result.getByTestId('dry-run-actions').filter({ hasText: `Assign to group: ${group}` }).waitFor();
  step(`the dry run says the rule would match ${number} and assign it to the group ${group}`);
  await accessible(admin, 'the routing rules with a dry run');
  await shot(admin, 'admin-08-rule-dry-run');

  // the team lead reads the rules and may try them, but not change them
  await lead.getByRole('link', { name: 'Routing rules' }).click();
  await lead.getByRole('heading', { name: 'Routing rules', exact: true }).waitFor();
  await lead.getByTestId('rule-row').filter({ hasText: ruleName }).waitFor();
  for (const name of ['New rule', `Edit ${ruleName}`, `Delete ${ruleName}`, `Move ${ruleName} up`]) {
    if (await lead.getByRole('button', { name }).count() > 0) throw new Error(`a team lead is offered "${name}"`);
  }
  await lead.getByRole('button', { name: `View ${ruleName}` }).click();
  if (!(await lead.getByLabel('Name', { exact: true }).isDisabled())) throw new Error('a team lead can edit the rule');
  if (await lead.getByRole('button', { name: 'Save' }).count() > 0) throw new Error('a team lead is offered Save');
  step('the team lead sees the rules read-only');
  await accessible(lead, 'the routing rules as a team lead');
  await shot(lead, 'admin-09-rules-read-only');

  // the admin sets up single sign-on; the secret is write-only and the page says only that one is set
  await admin.goto(base + '/admin/settings/sso');
  await admin.getByRole('heading', { name: 'Single sign-on' }).waitFor();
  await admin.getByTestId('sso-status').filter({ hasText: 'Single sign-on is off.' }).waitFor();
  const redirectUri = await admin.getByLabel('Redirect URI').inputValue();
  if (!redirectUri.endsWith(`/api/auth/sso/${tenant}/callback`)) throw new Error(`proposed redirect URI ${redirectUri}`);
  await admin.getByLabel('Name on the sign-in button').fill('Acme Login');
  await admin.getByLabel('Issuer URL').fill('https://login.unreachable.example/realms/staff');
  await admin.getByLabel('Client ID').fill('autocrm-journey');
  await admin.getByLabel('Client secret').fill('journey-secret-value');
  await admin.getByText('Claims, roles and groups').click();
  await admin.getByLabel('Role mapping').fill('support-staff = agent\nsupport-leads = team_lead');
  await admin.getByRole('button', { name: 'Save single sign-on' }).click();
  await admin.getByRole('status').filter({ hasText: 'Single sign-on is saved.' }).waitFor();
  await admin.getByTestId('sso-status').filter({ hasText: 'set up here' }).waitFor();
  const secretState = await admin.getByTestId('sso-secret-state').textContent();
  if (secretState !== 'Secret: set.') throw new Error(`the secret's state reads "${secretState}"`);
  if (await admin.getByLabel('Client secret').inputValue() !== '') throw new Error('the secret was shown again');
  if ((await admin.content()).includes('journey-secret-value')) throw new Error('the page holds the secret');
  step('admin saved single sign-on settings; the page says the secret is set and never shows it');
  await accessible(admin, 'the single sign-on settings');
  await shot(admin, 'admin-04-sso-settings');

  // someone signed out types the organisation on the sign-in page and is offered single sign-on
  const visitor = await contextFor('visitor', { viewport: { width: 1280, height: 900 } });
  await visitor.goto(base + '/');
  await visitor.getByLabel('Organisation').fill(tenant);
  const ssoButton = visitor.getByRole('button', { name: 'Sign in with single sign-on (Acme Login)' });
  await ssoButton.waitFor();
  step('the sign-in page offers "Sign in with single sign-on (Acme Login)" for the tenant');
  await accessible(visitor, 'the sign-in page with single sign-on');
  await shot(visitor, 'admin-05-sign-in-with-sso');
  // the provider does not exist: the gateway cannot reach it and sends the browser back to the sign-in page
  await ssoButton.click();
  await visitor.getByRole('alert').filter({ hasText: 'cannot be reached' }).waitFor({ timeout: 30_000 });
  if (new URL(visitor.url()).search !== '') throw new Error(`the address kept the reason: ${visitor.url()}`);
  step('starting single sign-on at an unreachable provider came back to the sign-in page with a message');
  await shot(visitor, 'admin-06-sso-provider-unreachable');

  await admin.getByRole('button', { name: 'Turn off single sign-on' }).click();
  await admin.getByTestId('sso-status').filter({ hasText: 'Single sign-on is off.' }).waitFor();
  step('admin turned single sign-on off');

  // SLA: the admin writes a business calendar and a policy counting in it
  await admin.goto(base + '/admin/settings/sla');
  await admin.getByRole('heading', { name: 'SLA', exact: true }).waitFor();
  await admin.getByRole('button', { name: 'New calendar' }).click();
  const calendarEditor = admin.getByTestId('calendar-editor');
  await calendarEditor.getByLabel('Name', { exact: true }).fill('Journey hours');
  await calendarEditor.getByLabel('Time zone').selectOption('Europe/Berlin');
  await calendarEditor.getByRole('button', { name: 'Add hours on Saturday' }).click();
  await calendarEditor.getByRole('button', { name: 'Add holiday' }).click();
  await calendarEditor.getByLabel('Date of holiday 1').fill('2026-12-25');
  await calendarEditor.getByLabel('Name of holiday 1').fill('Christmas Day');
  await accessible(admin, 'the SLA calendar editor');
  await shot(admin, 'admin-10-sla-calendar');
  await calendarEditor.getByRole('button', { name: 'Create' }).click();
  await admin.getByRole('status').filter({ hasText: 'Calendar “Journey hours” saved' }).waitFor();
  await admin.getByTestId('sla-calendars').getByRole('cell', { name: 'Journey hours', exact: true }).waitFor();
  step('admin created the SLA calendar "Journey hours" (Europe/Berlin, open Saturdays too, Christmas Day closed)');

  await admin.getByRole('button', { name: 'New policy' }).click();
  const policyEditor = admin.getByTestId('policy-editor');
  await policyEditor.getByLabel('Name', { exact: true }).fill('Journey policy');
  await policyEditor.getByLabel('Calendar', { exact: true }).selectOption({ label: 'Journey hours' });
  await policyEditor.getByTestId('sla-targets').getByRole('spinbutton').first().fill('60');
  await policyEditor.getByRole('button', { name: 'Add breach action' }).click();
  await policyEditor.getByLabel('Breach action 1: whom or what').selectOption(group);
  await policyEditor.getByLabel(/Warn this many minutes/).fill('15');
  await accessible(admin, 'the SLA policy editor');
  await shot(admin, 'admin-11-sla-policy');
  await policyEditor.getByRole('button', { name: 'Create' }).click();
  await admin.getByRole('status').filter({ hasText: 'Policy “Journey policy” saved' }).waitFor();
  await admin.getByTestId('sla-policies').getByRole('row').filter({ hasText: 'Journey policy' }).filter({ hasText: 'Journey hours' }).waitFor();
  step('admin created the SLA policy "Journey policy" in the calendar "Journey hours"');
  await shot(admin, 'admin-12-sla-list');

  // assignment: the group goes round robin, its agent becomes available
  await admin.goto(base + '/admin/settings/assignment');
  await admin.getByRole('heading', { name: 'Assignment', exact: true }).waitFor();
  const groupCard = admin.getByTestId(`group-${group}`);
  await groupCard.getByLabel('Strategy').selectOption('round_robin');
  await groupCard.getByRole('button', { name: `Save ${group}` }).click();
  await admin.getByRole('status').filter({ hasText: `Assignment of group ${group} saved` }).waitFor();
  step(`admin set the group ${group} to round robin`);
  const agentName = env('AGENT_NAME');
  await admin.getByRole('button', { name: `Edit ${agentName}` }).click();
  const agentEditor = admin.getByTestId('agent-editor');
  await agentEditor.getByLabel('Status').selectOption('available');
  await agentEditor.getByLabel(group, { exact: true }).check();
  await agentEditor.getByLabel('Languages').fill('en, de');
  await agentEditor.getByRole('button', { name: 'Save' }).click();
  await admin.getByRole('status').filter({ hasText: `Settings of ${agentName} saved` }).waitFor();
  await admin.getByRole('row').filter({ hasText: agentName }).filter({ hasText: 'Available' }).waitFor();
  step(`admin made ${agentName} available in ${group}`);
  await accessible(admin, 'the assignment settings');
  await shot(admin, 'admin-13-assignment');

  // the team lead switches their own availability in the workspace header
  await lead.goto(base + '/app');
  const availability = lead.getByLabel('My availability');
  await availability.waitFor();
  await lead.waitForFunction(() => !document.querySelector('#availability-status')?.hasAttribute('disabled'));
  await availability.selectOption('available');
  await lead.waitForFunction(() => {
    const select = document.querySelector('#availability-status');
    return select && !select.hasAttribute('disabled') && select.value === 'available';
  });
  await lead.reload();
  await lead.waitForFunction(() => document.querySelector('#availability-status')?.value === 'available');
  if (await lead.getByTestId('availability').getByRole('alert').count() > 0) throw new Error('the availability switch reported an error');
  step('the team lead switched to available in the workspace header, and it stays after a reload');
  await accessible(lead, 'the workspace with the availability switch');
  await shot(lead, 'admin-14-availability');

  step('admin journey done');
});
