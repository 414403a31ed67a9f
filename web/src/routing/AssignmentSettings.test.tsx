import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { forgetStaffDirectory } from '../tickets/staff';
import { AssignmentSettings } from './AssignmentSettings';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

function server(write: (request: Request, body: Record<string, unknown>) => Response) {
  const writes: { url: string; ifMatch: string | null; body: Record<string, unknown> }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'GET') {
      if (url.pathname === '/api/staff') return json([{ id: 'u-1', name: 'Ann Agent', role: 'agent', groups: ['tier-1'] },
        { id: 'u-2', name: 'Bob Agent', role: 'agent', groups: ['tier-2'] }]);
      if (url.pathname === '/api/routing/groups/tier-1/assignment') return json({ groupId: 'tier-1', strategy: 'manual', version: null });
      if (url.pathname === '/api/routing/groups/tier-2/assignment') return json({ groupId: 'tier-2', strategy: 'least_loaded',
        loadMeasure: 'open_tickets', matchSkills: false, matchLanguage: false, maxOpenPerAgent: 5, version: 3 });
      if (url.pathname === '/api/routing/agents') return json([{ agentId: 'u-1', status: 'away', groups: ['tier-1'], skills: ['billing'],
        languages: ['en'], capacity: 4, timeZone: 'Europe/Berlin', schedule: {}, version: 7 }]);
    }
    const body = await request.clone().json() as Record<string, unknown>;
    writes.push({ url: url.pathname, ifMatch: request.headers.get('If-Match'), body });
    return write(request, body);
  }));
  return writes;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetStaffDirectory();
});

const page = () => render(<I18nProvider initial="en"><AssignmentSettings /></I18nProvider>);

describe('assignment settings', () => {
  it('switches a group never set to round robin, without If-Match, and a stored one on its version', async () => {
    const writes = server((_, body) => json({ groupId: 'x', ...body, version: 4 }));
    page();
    const tier1 = await screen.findByTestId('group-tier-1');
    fireEvent.change(within(tier1).getByLabelText('Strategy'), { target: { value: 'round_robin' } });
    fireEvent.click(within(tier1).getByLabelText('Agent must speak the ticket’s language'));
    fireEvent.click(within(tier1).getByRole('button', { name: 'Save tier-1' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({ url: '/api/routing/groups/tier-1/assignment', ifMatch: null, body: { strategy: 'round_robin',
      loadMeasure: 'open_tickets', matchSkills: false, matchLanguage: true, maxOpenPerAgent: null } });
    expect((await screen.findByRole('status')).textContent).toBe('Assignment of group tier-1 saved');

    const tier2 = await screen.findByTestId('group-tier-2');
    await waitFor(() => expect((within(tier2).getByLabelText('Most open tickets per agent') as HTMLInputElement).value).toBe('5'));
    fireEvent.change(within(tier2).getByLabelText('Load measured by'), { target: { value: 'spare_capacity' } });
    fireEvent.click(within(tier2).getByRole('button', { name: 'Save tier-2' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]!.ifMatch).toBe('"3"');
    expect(writes[1]!.body.loadMeasure).toBe('spare_capacity');
  });

  it('edits an agent and shows a 422 fault next to the schedule day it names', async () => {
    const writes = server(() => json({ status: 422, code: 'ASSIGNMENT_SETTINGS_INVALID', title: 'Invalid settings',
      errors: [{ field: 'schedule.monday[1]', message: 'overlaps schedule.monday[0] (08:00–13:00)' }] }, 422, 'application/problem+json'));
    page();
    const row = await screen.findByTestId('agent-u-1');
    await waitFor(() => expect(row.textContent).toContain('billing'));
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Ann Agent' }));
    const editor = screen.getByTestId('agent-editor');
    fireEvent.change(within(editor).getByLabelText('Status'), { target: { value: 'available' } });
    fireEvent.click(within(editor).getByLabelText('tier-2'));
    fireEvent.change(within(editor).getByLabelText('Monday'), { target: { value: '08:00-13:00, 12:00-17:00' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.url).toBe('/api/routing/agents/u-1');
    expect(writes[0]!.ifMatch).toBe('"7"');
    expect(writes[0]!.body).toMatchObject({ status: 'available', groups: ['tier-1', 'tier-2'], skills: ['billing'], capacity: 4,
      schedule: { monday: [{ start: '08:00', end: '13:00' }, { start: '12:00', end: '17:00' }] } });
    const monday = within(editor).getByLabelText('Monday');
    await waitFor(() => expect(monday.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(monday.getAttribute('aria-describedby')!)!.textContent).toBe('overlaps schedule.monday[0] (08:00–13:00)');
  });
});
