import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { AvailabilitySwitch } from './AvailabilitySwitch';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const ME = { agentId: 'u-1', skills: ['billing'], languages: ['de'], capacity: 5, timeZone: 'Europe/Berlin',
  schedule: { monday: [{ start: '09:00', end: '17:00' }] }, status: 'away', groups: ['tier-1'], version: 4 };

function server(put: (body: Record<string, unknown>) => Response) {
  const puts: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
  let stored: Record<string, unknown> = ME;
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    if (request.method === 'GET') return json(stored);
    const body = await request.clone().json() as Record<string, unknown>;
    puts.push({ ifMatch: request.headers.get('If-Match'), body });
    const answer = put(body);
    if (answer.ok) stored = await answer.clone().json() as Record<string, unknown>;
    return answer;
  }));
  return { puts, setStored: (value: Record<string, unknown>) => { stored = value; } };
}

afterEach(() => vi.unstubAllGlobals());

describe('the availability switch in the workspace header', () => {
  it('shows the stored status and sets a new one on the version seen, keeping every other setting', async () => {
    const { puts } = server((body) => json({ ...ME, ...body, version: 5 }));
    render(<I18nProvider initial="en"><AvailabilitySwitch /></I18nProvider>);
    const select = await screen.findByLabelText('My availability');
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('away'));
    fireEvent.change(select, { target: { value: 'available' } });
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.ifMatch).toBe('"4"');
    expect(puts[0]!.body).toEqual({ skills: ['billing'], languages: ['de'], capacity: 5, timeZone: 'Europe/Berlin',
      schedule: { monday: [{ start: '09:00', end: '17:00' }] }, status: 'available', groups: ['tier-1'] });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('available'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends no If-Match for settings never stored', async () => {
    const fresh = { agentId: 'u-1', status: 'offline', groups: [], version: null };
    const { puts, setStored } = server((body) => json({ ...fresh, ...body, version: 0 }));
    setStored(fresh);
    render(<I18nProvider initial="en"><AvailabilitySwitch /></I18nProvider>);
    const select = await screen.findByLabelText('My availability');
    await waitFor(() => expect((select as HTMLSelectElement).disabled).toBe(false));
    fireEvent.change(select, { target: { value: 'available' } });
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.ifMatch).toBeNull();
  });

  it('says so when the change is refused and shows what is stored', async () => {
    const { setStored } = server(() => json({ status: 409, code: 'VERSION_CONFLICT', title: 'Changed meanwhile' }, 409, 'application/problem+json'));
    render(<I18nProvider initial="en"><AvailabilitySwitch /></I18nProvider>);
    const select = await screen.findByLabelText('My availability');
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('away'));
    setStored({ ...ME, status: 'offline', version: 6 });
    fireEvent.change(select, { target: { value: 'available' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed elsewhere/);
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('offline'));
  });
});
