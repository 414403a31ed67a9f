import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { NewTicketPage } from './NewTicketPage';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The API as the page meets it: no matching customer, the created customer and ticket; every write is kept. */
function api(writes: { path: string; body: unknown }[]) {
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST') {
      writes.push({ path, body: await request.clone().json() });
      return path === '/api/customers' ? json({ customerId: 'c-sarah', version: 1 }, 201)
        : json({ ticketId: 't-1', number: 7, version: 1 }, 201);
    }
    if (path === '/api/customers') return json({ items: [], total: 0, next: null });
    if (path === '/api/tickets/categories') return json({ categories: [] });
    if (path === '/api/tickets/custom-fields') return json({ customFields: [] });
    return json({}, 404);
  }));
}

describe('an agent opening a ticket for a customer who called', () => {
  it('creates the customer it did not find, then the ticket for them with priority and channel', async () => {
    const writes: { path: string; body: unknown }[] = [];
    api(writes);
    window.history.pushState(null, '', '/app/tickets/new');
    render(<I18nProvider><NewTicketPage /></I18nProvider>);

    fireEvent.change(screen.getByLabelText('Find a customer by name, email or company'), { target: { value: 'Sarah' } });
    await screen.findByText('No customer matches. Create one below.');
    expect(screen.getByRole('button', { name: 'Create ticket' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Sarah Chen' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'sarah@acme.test' } });
    fireEvent.change(screen.getByLabelText('Company'), { target: { value: 'Acme Corp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create customer' }));
    await screen.findByText('For Sarah Chen');

    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'Cannot access dashboard' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Unable to log in' } });
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'HIGH' } });
    fireEvent.change(screen.getByLabelText('Received by'), { target: { value: 'email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create ticket' }));

    await vi.waitFor(() => expect(window.location.pathname).toBe('/app/tickets/t-1'));
    expect(writes).toEqual([
      { path: '/api/customers', body: { name: 'Sarah Chen', emails: ['sarah@acme.test'], company: 'Acme Corp' } },
      { path: '/api/tickets', body: { customerId: 'c-sarah', subject: 'Cannot access dashboard',
        description: 'Unable to log in', priority: 'HIGH', channel: 'email' } },
    ]);
  });
});
