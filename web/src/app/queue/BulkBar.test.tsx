import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { forgetStaffDirectory } from '../../tickets/staff';
import { BulkBar } from './BulkBar';

afterEach(() => {
  vi.unstubAllGlobals();
  forgetStaffDirectory();
});

describe('bulk changes in the queue', () => {
  it('sends the selected tickets with the versions seen and shows what happened to each', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      if (request.url.endsWith('/api/staff')) return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
      sent.push(await request.clone().json());
      return new Response(JSON.stringify({ changed: 1, refused: 1, tickets: [
        { ticketId: 't1', outcome: 'changed', version: 4 },
        { ticketId: 't2', outcome: 'refused', problem: { status: 409, title: 'Conflict', detail: 'The ticket changed meanwhile' } },
      ] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    const done = vi.fn();
    render(<I18nProvider><BulkBar me={{ id: 'me' }} onClear={() => undefined} onDone={done}
      selected={[{ ticketId: 't1', number: 11, version: 3 }, { ticketId: 't2', number: 12, version: 7 }]} /></I18nProvider>);
    expect(screen.getByTestId('bulk-count').textContent).toBe('2 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Assign to me' }));
    const result = await screen.findByTestId('bulk-result');
    expect(sent).toEqual([{ ticketIds: ['t1', 't2'], versions: { t1: 3, t2: 7 }, agentId: 'me' }]);
    expect(within(result).getByText('1 changed, 1 refused')).toBeTruthy();
    expect(within(result).getByTestId('bulk-changed').textContent).toContain('#11');
    expect(within(result).getByTestId('bulk-refused').textContent).toBe('#12: refused: The ticket changed meanwhile');
    expect(done).toHaveBeenCalled();
  });

  it('assigns to a colleague chosen by name from the staff directory', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      if (request.url.endsWith('/api/staff')) {
        return new Response(JSON.stringify([
          { id: 'u-alex', name: 'Alex Agent', role: 'agent', groups: ['tier-1'] },
          { id: 'u-maria', name: 'Maria Lead', role: 'team_lead', groups: ['billing'] },
        ]), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      sent.push(await request.clone().json());
      return new Response(JSON.stringify({ changed: 1, refused: 0, tickets: [{ ticketId: 't1', outcome: 'changed', version: 4 }] }),
        { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    render(<I18nProvider><BulkBar me={{ id: 'me' }} onClear={() => undefined} onDone={() => undefined}
      selected={[{ ticketId: 't1', number: 11, version: 3 }]} /></I18nProvider>);
    const agent = await screen.findByRole('option', { name: 'Maria Lead' });
    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: (agent as HTMLOptionElement).value } });
    // the groups offered are the staff's groups
    expect(document.querySelector('#bulk-groups option[value="billing"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Assign to agent' }));
    await screen.findByTestId('bulk-result');
    expect(sent).toEqual([{ ticketIds: ['t1'], versions: { t1: 3 }, agentId: 'u-maria' }]);
  });
});
