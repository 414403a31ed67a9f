import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { forgetStaffDirectory } from '../tickets/staff';
import { SlaSettings } from './SlaSettings';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const CALENDAR = { id: 'c-1', name: 'Berlin office', zone: 'Europe/Berlin', default: true, version: 2,
  slots: { MONDAY: [{ start: '09:00', end: '17:00' }] }, holidays: [] };
const POLICY = { id: 'p-1', name: 'Standard', position: 0, active: true, calendarId: 'c-1', match: 'all', conditions: [],
  targets: { HIGH: { first_response: { minutes: 60, basis: 'business' } } }, warningLeadMinutes: 10, breachActions: [], version: 5 };

function server(write: (request: Request) => Promise<Response>) {
  const writes: { method: string; url: string; ifMatch: string | null; type: string | null; body: string }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'GET') {
      if (url.pathname === '/api/staff') return json([{ id: 'u-1', name: 'Lea Lead', role: 'team_lead', groups: ['tier-1'] }]);
      if (url.pathname === '/api/tickets/priorities') return json({ priorities: ['LOW', 'HIGH'] });
      if (url.pathname === '/api/tickets/categories') return json({ categories: [] });
      if (url.pathname === '/api/tickets/canned-responses') return json({ cannedResponses: [] });
      if (url.pathname === '/api/sla/calendars') return json([CALENDAR]);
      if (url.pathname === '/api/sla/policies') return json([POLICY]);
      if (url.pathname === '/api/sla/policies/p-1') return json({ ...POLICY, name: 'Standard (theirs)', version: 6 });
    }
    writes.push({ method: request.method, url: url.pathname, ifMatch: request.headers.get('If-Match'),
      type: request.headers.get('Content-Type'), body: await request.clone().text() });
    return write(request);
  }));
  return writes;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetStaffDirectory();
});

const page = (canEdit = true) => render(<I18nProvider initial="en"><SlaSettings canEdit={canEdit} /></I18nProvider>);

describe('SLA settings in the admin console', () => {
  it('creates a calendar with hours and a holiday, and shows a 422 fault next to the slot it names', async () => {
    const writes = server(async () => json({ status: 422, code: 'CALENDAR_INVALID', title: 'Invalid calendar',
      errors: [{ field: 'slots.MONDAY[1]', message: 'overlaps 09:00–17:00' }] }, 422, 'application/problem+json'));
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'New calendar' }));
    const editor = screen.getByTestId('calendar-editor');
    fireEvent.change(within(editor).getByLabelText('Name'), { target: { value: 'Support hours' } });
    fireEvent.change(within(editor).getByLabelText('Time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add hours on Monday' }));
    fireEvent.change(within(editor).getByLabelText('Monday, slot 2: from'), { target: { value: '12:00' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Remove Friday slot 1' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Add holiday' }));
    fireEvent.change(within(editor).getByLabelText('Date of holiday 1'), { target: { value: '2026-12-24' } });
    fireEvent.change(within(editor).getByLabelText('Name of holiday 1'), { target: { value: 'Christmas Eve' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    const body = JSON.parse(writes[0]!.body);
    expect(writes[0]!.url).toBe('/api/sla/calendars');
    expect(body.zone).toBe('Europe/Berlin');
    expect(body.slots.MONDAY).toEqual([{ start: '09:00', end: '17:00' }, { start: '12:00', end: '17:00' }]);
    expect(body.slots.FRIDAY).toEqual([]);
    expect(body.holidays).toEqual([{ date: '2026-12-24', name: 'Christmas Eve' }]);
    const slot = await within(editor).findByLabelText('Monday, slot 2: from');
    expect(slot.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(slot.getAttribute('aria-describedby')!)!.textContent).toBe('overlaps 09:00–17:00');
  });

  it('imports holidays from an iCalendar file as text/calendar on the version seen', async () => {
    const writes = server(async () => json({ added: 2, notes: [], calendar: { ...CALENDAR, version: 3,
      holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-26', name: 'Boxing Day' }] } }));
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Berlin office' }));
    const file = new File(['BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'], 'holidays.ics', { type: 'text/calendar' });
    fireEvent.change(screen.getByLabelText('Import holidays from an iCalendar file (.ics)'), { target: { files: [file] } });
    expect((await screen.findByTestId('holiday-import')).textContent).toBe('2 holidays imported.');
    expect(writes[0]).toMatchObject({ method: 'POST', url: '/api/sla/calendars/c-1/holidays/import', ifMatch: '"2"', type: 'text/calendar',
      body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });
    expect((await screen.findByLabelText('Name of holiday 2') as HTMLInputElement).value).toBe('Boxing Day');
  });

  it('saves a policy with targets and a breach action, and offers a reload on 409', async () => {
    const writes = server(async () => json({ status: 409, code: 'VERSION_CONFLICT', title: 'Changed meanwhile' }, 409, 'application/problem+json'));
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Standard' }));
    const editor = screen.getByTestId('policy-editor');
    fireEvent.change(within(editor).getByLabelText('LOW: Resolution in minutes'), { target: { value: '1440' } });
    fireEvent.change(within(editor).getByLabelText('LOW: Resolution counted in'), { target: { value: 'calendar' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add condition' }));
    fireEvent.change(within(editor).getByLabelText('Value of condition 1'), { target: { value: 'HIGH' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add breach action' }));
    fireEvent.change(within(editor).getByLabelText('Breach action 1'), { target: { value: 'notify_team_lead' } });
    fireEvent.change(within(editor).getByLabelText('Breach action 1: whom or what'), { target: { value: 'u-1' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'PUT', url: '/api/sla/policies/p-1', ifMatch: '"5"' });
    const body = JSON.parse(writes[0]!.body);
    expect(body.targets).toEqual({ HIGH: { first_response: { minutes: 60, basis: 'business' } }, LOW: { resolution: { minutes: 1440, basis: 'calendar' } } });
    expect(body.conditions).toEqual([{ field: 'priority', operator: 'is', value: 'HIGH' }]);
    expect(body.breachActions).toEqual([{ type: 'notify_team_lead', userId: 'u-1' }]);
    expect((await screen.findByTestId('sla-conflict')).textContent).toMatch(/changed by someone else/);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('heading', { name: 'Policy “Standard (theirs)”' })).toBeTruthy();
    expect((within(screen.getByTestId('policy-editor')).getByLabelText('Name') as HTMLInputElement).value).toBe('Standard (theirs)');
  });

  it('lets team leads read but not change', async () => {
    server(async () => json({}, 500));
    page(false);
    expect(screen.queryByRole('button', { name: 'New calendar' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'View Standard' }));
    const editor = screen.getByTestId('policy-editor');
    expect(within(editor).getByLabelText('Name').matches(':disabled')).toBe(true);
    expect(within(editor).queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
