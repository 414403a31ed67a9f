import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { TicketPanels } from './TicketPanels';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const ticket = { ticketId: 't-1', version: 3, customFields: { contract: 'C-1' } };

describe('the ticket view\'s panels', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks custom fields at the field and sends only what changed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ customFields: [
      { key: 'contract', label: 'Contract', type: 'TEXT', required: true },
      { key: 'seats', label: 'Seats', type: 'NUMBER', required: false },
    ] })));
    const act = vi.fn();
    render(<I18nProvider initial="en"><TicketPanels me={{ id: 'a' }} ticket={ticket} busy={false} act={act} /></I18nProvider>);
    const seats = await screen.findByLabelText('Seats');
    fireEvent.change(seats, { target: { value: 'many' } });
    fireEvent.change(screen.getByLabelText('Contract *'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save fields' }));
    expect(screen.getByText('Enter a number')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy();
    expect(act).not.toHaveBeenCalled();

    fireEvent.change(seats, { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Contract *'), { target: { value: 'C-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save fields' }));
    expect(act).toHaveBeenCalledTimes(1);
    const put = vi.fn();
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      put(await request.json());
      return json({ ticketId: 't-1', version: 4 });
    }));
    await act.mock.calls[0]?.[0]({});
    await waitFor(() => expect(put).toHaveBeenCalledWith({ customFields: { seats: 12 } }));
  });

  it('shows the ticket as it was at a chosen moment, read-only', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      asked.push(request.url);
      if (request.url.includes('custom-fields')) return json({ customFields: [] });
      return json({ asOf: '2026-11-22T08:00:00Z', subject: 'Printer jammed', status: 'NEW', priority: 'LOW', tags: [],
        messages: [{ messageId: 'm', body: '<b>first</b> answer', visibility: 'public', at: '2026-11-22T07:59:00Z' }] });
    }));
    render(<I18nProvider initial="en"><TicketPanels me={{ id: 'a' }} ticket={ticket} busy={false} act={vi.fn()} /></I18nProvider>);
    fireEvent.change(screen.getByLabelText('Moment'), { target: { value: '2026-11-22T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    const view = await screen.findByTestId('as-of-view');
    expect(asked.some((url) => url.includes('/api/tickets/t-1/as-of/2026-11-22T'))).toBe(true);
    expect(view.textContent).toContain('Printer jammed');
    expect(view.textContent).toContain('read-only');
    expect(view.querySelector('.body b')?.textContent).toBe('first');
    expect(view.querySelector('form, textarea, [contenteditable]')).toBeNull();
  });
});
