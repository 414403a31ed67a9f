// The admin console's browser journey, driven by deploy's AdminJourneyIT: an admin defines a custom field visible
// to customers and the portal's submit form shows it with its validation; a team lead opens the manager dashboard
// and its charts are drawn; the admin sets up single sign-on and the sign-in page then offers it for the tenant (a
// provider that cannot be reached sends the browser back with a message), and turns it off again. Every step is
// printed; any failure exits non-zero with the reason.
// Environment: BASE_URL, TENANT, PASSWORD, ADMIN_EMAIL, LEAD_EMAIL, CUSTOMER_EMAIL, SCREENSHOTS, CHROMIUM.
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
mkdirSync(screenshots, { recursive: true });
const step = (text) => console.log(`- ${text}`);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const problems = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

async function signedIn(email, landing) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(`${email}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${email}: page error ${error.message}`));
  await page.goto(base + '/');
  await page.getByLabel('Organisation').fill(tenant);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith(landing));
  await page.getByTestId('signed-in-as').waitFor();
  step(`${email} signed in`);
  return page;
}

async function accessible(page, name) {
  await page.evaluate(axeSource); // through the DevTools protocol, which the page's CSP does not govern
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  if (violations.length) throw new Error(`accessibility violations on ${name}:\n  ${violations.join('\n  ')}`);
  step(`axe: no serious or critical violation on ${name}`);
}

const shot = async (page, name) => {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  step(`screenshot ${name}.png`);
};

try {
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
  const visitor = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
  visitor.setDefaultTimeout(20_000);
  visitor.on('pageerror', (error) => problems.push(`visitor: page error ${error.message}`));
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

  if (problems.length) throw new Error(`browser problems:\n  ${problems.join('\n  ')}`);
  step('admin journey done');
} catch (error) {
  console.error(`FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
