import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { forgetStaffDirectory } from '../../tickets/staff';
import { RoutingRules } from './RoutingRules';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const RULE = { id: 'r-1', name: 'Billing to finance', position: 0, active: true, triggers: ['created'], match: 'all',
  conditions: [{ field: 'categoryId', operator: 'is', value: 'cat-1' }], actions: [{ type: 'assign_group', value: 'finance' }],
  version: 3 };

/** The APIs the screen reads, and what it answers to writes. */
function api(write: (request: Request) => Promise<Response>) {
  const writes: { method: string; url: string; ifMatch: string | null; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'GET') {
      if (url.pathname === '/api/staff') return json([{ id: 'u-1', name: 'Fin Agent', role: 'agent', groups: ['finance'] }]);
      if (url.pathname === '/api/tickets/priorities') return json({ priorities: ['LOW', 'HIGH'] });
      if (url.pathname === '/api/tickets/categories') return json({ categories: [{ categoryId: 'cat-1', name: 'Billing' }] });
      if (url.pathname === '/api/tickets/canned-responses') return json({ cannedResponses: [] });
      if (url.pathname === '/api/routing/rules') return json([RULE]);
      if (url.pathname === '/api/tickets') return json({ items: [{ ticketId: 't-9', number: 9, subject: 'Invoice twice' }], total: 1, next: null });
      if (url.pathname === '/api/tickets/t-9') return json({ ticketId: 't-9', number: 9, subject: 'Invoice twice', status: 'OPEN', categoryId: 'cat-1', tags: [] });
    }
    writes.push({ method: request.method, url: url.pathname, ifMatch: request.headers.get('If-Match'),
      body: request.method === 'DELETE' ? null : await request.clone().json() });
    return write(request);
  }));
  return writes;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetStaffDirectory();
});

describe('routing rules in the admin console', () => {
  it('shows each fault of a 422 next to the input it names', async () => {
    const writes = api(async () => json({ status: 422, code: 'RULE_INVALID', title: 'Invalid rule', errors: [
      { field: 'conditions[1].value', message: 'must be a timestamp for createdAt, not "next tuesday"' },
    ] }, 422, 'application/problem+json'));
    render(<I18nProvider initial="en"><RoutingRules canEdit /></I18nProvider>);
    fireEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Late ones' } });
    await screen.findByRole('option', { name: 'Billing' });
    fireEvent.change(screen.getByLabelText('Value of condition 1'), { target: { value: 'cat-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    fireEvent.change(screen.getByLabelText('Field of condition 2'), { target: { value: 'createdAt' } });
    fireEvent.change(screen.getByLabelText('Value of condition 2'), { target: { value: 'next tuesday' } });
    await screen.findByRole('option', { name: 'finance' });
    fireEvent.change(screen.getByLabelText('Value of action 1'), { target: { value: 'finance' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByTestId('rule-refused');
    const value = screen.getByLabelText('Value of condition 2');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(value.getAttribute('aria-describedby') ?? '')?.textContent)
      .toBe('must be a timestamp for createdAt, not "next tuesday"');
    expect(screen.getByLabelText('Value of condition 1').getAttribute('aria-invalid')).toBeNull();
    expect(writes[0]).toMatchObject({ method: 'POST', url: '/api/routing/rules', body: { name: 'Late ones', match: 'all',
      conditions: [{ field: 'categoryId', operator: 'is', value: 'cat-1' }, { field: 'createdAt', operator: 'greater_than', value: 'next tuesday' }],
      actions: [{ type: 'assign_group', value: 'finance' }] } });
  });

  it('sends the version it edited and says so plainly when someone else changed the rule meanwhile', async () => {
    const writes = api(async () => json({ status: 409, code: 'VERSION_CONFLICT', title: 'Changed in the meantime', currentVersion: 4 },
      409, 'application/problem+json'));
    render(<I18nProvider initial="en"><RoutingRules canEdit /></I18nProvider>);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Billing to finance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const conflict = await screen.findByTestId('rule-conflict');
    expect(conflict.textContent).toContain('changed by someone else');
    expect(within(conflict).getByRole('button', { name: 'Reload the rule' })).toBeTruthy();
    expect(writes[0]).toMatchObject({ method: 'PUT', url: '/api/routing/rules/r-1', ifMatch: '"3"' });
  });

  it('asks before deleting, and deletes the version shown', async () => {
    const writes = api(async () => new Response(null, { status: 204 }));
    render(<I18nProvider initial="en"><RoutingRules canEdit /></I18nProvider>);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Billing to finance' }));
    expect(writes).toEqual([]);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete rule' }));
    await screen.findByText('Rule “Billing to finance” deleted');
    expect(writes[0]).toMatchObject({ method: 'DELETE', url: '/api/routing/rules/r-1', ifMatch: '"3"' });
  });

  it('lets a team lead read and dry-run the rules, not change them', async () => {
    const writes = api(async () => json({ ruleId: 'r-1', matched: true, failedCondition: null,
      conditions: { path: 'conditions', condition: 'all', passed: true, parts: [], explanation: 'all passed' },
      actions: [{ type: 'assign_group', value: 'finance' }] }));
    render(<I18nProvider initial="en"><RoutingRules canEdit={false} /></I18nProvider>);
    await screen.findByText('Billing to finance');
    expect(screen.queryByRole('button', { name: 'New rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Billing to finance' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Rule Billing to finance active' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'View Billing to finance' }));
    expect(screen.getByLabelText('Name').matches(':disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Test on a ticket: Billing to finance' }));
    fireEvent.change(screen.getByLabelText('Ticket'), { target: { value: '#9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Try on #9 Invoice twice' }));
    const result = await screen.findByTestId('dry-run-result');
    expect(result.textContent).toContain('Would match ticket #9');
    expect(within(result).getByTestId('dry-run-actions').textContent).toBe('Assign to group: finance');
    expect(writes).toEqual([{ method: 'POST', url: '/api/routing/rules/r-1/test', ifMatch: null,
      body: { ticket: { ticketId: 't-9', subject: 'Invoice twice', status: 'OPEN', categoryId: 'cat-1', tags: [], customFields: {} } } }]);
  });
});
