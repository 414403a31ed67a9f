import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { BulkBar } from './BulkBar';

afterEach(() => vi.unstubAllGlobals());

describe('bulk changes in the queue', () => {
  it('sends the selected tickets with the versions seen and shows what happened to each', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
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
});
