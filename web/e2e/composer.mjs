// The rich-text composer against the running system, driven by deploy's ComposerJourneyIT (through JourneyScripts):
// an agent writes a formatted reply with a canned response and attachments (picker and drag and drop), then previews
// and applies a macro (Pending and a tag); the customer
// sees it formatted in the portal and downloads the file; a message carrying script never runs it.
// Environment: BASE_URL, TENANT, PASSWORD, AGENT_EMAIL, CUSTOMER_EMAIL, TICKET_ID, SCREENSHOTS, CHROMIUM.
import { accessible, base, contextFor, env, journey, shot, signIn, step, until } from './support.mjs';

const tenant = env('TENANT');
const ticketId = env('TICKET_ID');

/** A person's page that accepts downloads and answers the link prompt with an address. */
async function pageFor(who) {
  const page = await contextFor(who, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('dialog', (dialog) => void dialog.accept('https://example.com/printers'));
  return page;
}

/** The hostile message is there, its harmless part shown, and nothing of its script ran or survived. */
async function scriptDidNotRun(page, where) {
  const evil = page.getByTestId('message-public').filter({ hasText: 'Evil' });
  await until(page, evil, () => page.reload(), `the message with script (${where})`);
  if (await evil.locator('.body b').innerText() !== 'bold') throw new Error('the harmless formatting was lost');
  if (await evil.locator('script, img, [onerror]').count() > 0) throw new Error(`script or handler left in the DOM (${where})`);
  if ((await page.title()).includes('pwned')) throw new Error(`the script in a message ran (${where})`);
  step(`the script in a message did not run in the ${where}`);
}

await journey('composer journey', async () => {
  // the agent: formatting from the toolbar, a canned response, a file by the picker and one by drag and drop
  const agent = await pageFor('agent');
  await signIn(agent, tenant, env('AGENT_EMAIL'), '/app');
  await agent.goto(`${base}/app/tickets/${ticketId}`);
  await agent.getByTestId('ticket-subject').waitFor();
  await scriptDidNotRun(agent, 'workspace');

  const editor = agent.getByRole('textbox', { name: 'Public reply' });
  await editor.click();
  await agent.getByRole('button', { name: 'Bold' }).click();
  await agent.keyboard.type('Good news');
  await agent.getByRole('button', { name: 'Bold' }).click();
  await agent.keyboard.type(' we found the cause.');
  await agent.keyboard.press('Enter');
  await agent.getByRole('button', { name: 'Bulleted list' }).click();
  await agent.keyboard.type('Clear the paper tray');
  await agent.keyboard.press('Enter');
  await agent.getByLabel('Insert canned response').selectOption({ label: 'Printer restart' });
  await agent.locator('#composer-files').setInputFiles({ name: 'steps.txt', mimeType: 'text/plain',
    buffer: Buffer.from('1. open tray\n2. remove paper\n') });
  const dropped = await agent.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['printer log'], 'printer.log', { type: 'text/plain' }));
    return transfer;
  });
  await agent.dispatchEvent('[data-testid=composer]', 'drop', { dataTransfer: dropped });
  await agent.getByTestId('upload').filter({ hasText: 'printer.log' }).waitFor();
  await agent.waitForFunction(() => !document.querySelector('[data-testid=composer]')?.textContent?.includes('uploading…'));
  const failed = agent.getByTestId('upload').filter({ has: agent.locator('.error') });
  if (await failed.count() > 0) throw new Error(`upload refused: ${await failed.first().innerText()}`);
  await accessible(agent, 'the ticket view with the composer');
  await shot(agent, 'composer-01-agent-composing');
  await agent.getByRole('button', { name: 'Send reply' }).click();
  const reply = agent.getByTestId('message-public').filter({ hasText: 'Good news' });
  await reply.waitFor();
  if (await reply.locator('.body strong, .body b').first().innerText() !== 'Good news') throw new Error('the reply lost its bold');
  await reply.locator('.body li').filter({ hasText: 'Clear the paper tray' }).waitFor();
  await reply.getByText('switch the printer off and on again').waitFor();
  await reply.getByRole('button', { name: 'Download steps.txt' }).waitFor();
  await reply.getByRole('button', { name: 'Download printer.log' }).waitFor();
  step('agent sent a formatted reply with a canned response and two attachments');

  // a macro: previewed first (the reply with its placeholders filled in, and the changes), then applied in one step
  await agent.getByLabel('Apply macro…').selectOption({ label: 'Waiting for vendor' });
  const preview = agent.getByTestId('macro-preview');
  await preview.getByTestId('macro-body').getByText('Hi Sarah Chen, we asked the printer vendor about').waitFor();
  await preview.getByText(/^Status: .+ → Pending$/).waitFor();
  await preview.getByText('Add tag “vendor”').waitFor();
  await accessible(agent, 'the macro preview');
  await shot(agent, 'composer-03-macro-preview');
  await preview.getByRole('button', { name: 'Apply' }).click();
  await agent.getByTestId('message-public').filter({ hasText: 'we asked the printer vendor' }).waitFor();
  await agent.locator('.ticket-title .badge.status-PENDING').waitFor();
  await agent.waitForFunction(() => document.querySelector('#edit-tags')?.value?.split(',').map((tag) => tag.trim())
    .includes('vendor'));
  if (await preview.count() > 0) throw new Error('the macro preview stayed open after applying');
  await shot(agent, 'composer-04-macro-applied');
  step('agent previewed and applied a macro: the ticket is Pending with the tag vendor');

  // the customer: the same reply, formatted, with the files
  const customer = await pageFor('customer');
  await signIn(customer, tenant, env('CUSTOMER_EMAIL'), '/portal');
  await customer.goto(`${base}/portal/tickets/${ticketId}`);
  const seen = customer.getByTestId('message-public').filter({ hasText: 'Good news' });
  await until(customer, seen, () => customer.reload(), 'the agent\'s reply in the portal');
  if (await seen.locator('.body strong, .body b').first().innerText() !== 'Good news') throw new Error('the portal lost the bold');
  await seen.locator('.body li').filter({ hasText: 'Clear the paper tray' }).waitFor();
  await seen.getByText('switch the printer off and on again').waitFor();
  step('customer sees the reply formatted, with the canned response');
  const [download] = await Promise.all([customer.waitForEvent('download'),
    seen.getByRole('button', { name: 'Download steps.txt' }).click()]);
  if (download.suggestedFilename() !== 'steps.txt') throw new Error(`downloaded ${download.suggestedFilename()}`);
  step('customer downloaded steps.txt');
  await scriptDidNotRun(customer, 'portal');
  await accessible(customer, 'the portal ticket with a formatted reply');
  await shot(customer, 'composer-02-portal-formatted-reply');

  step('composer journey done');
});
