import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Composer, Conversation, Timeline } from './Conversation';
import { conversationOf, type Entry } from './tickets';

const entries: Entry[] = [
  { sequence: 0, type: 'autocrm.ticket.created.v1', at: '2026-11-22T09:00:00Z', by: { userId: 'c-1', role: 'customer' }, data: {} },
  { sequence: 1, type: 'autocrm.ticket.message_added.v1', at: '2026-11-22T09:05:00Z', by: { userId: 'a-1', role: 'agent' },
    data: { messageId: 'm-1', body: 'We are on it.', visibility: 'public' } },
  { sequence: 2, type: 'autocrm.ticket.message_added.v1', at: '2026-11-22T09:06:00Z', by: { userId: 'a-1', role: 'agent' },
    data: { messageId: 'm-2', body: 'VIP customer', visibility: 'internal' } },
  { sequence: 3, type: 'autocrm.ticket.status_changed.v1', at: '2026-11-22T09:07:00Z', by: { userId: 'a-1', role: 'agent' },
    data: { from: 'NEW', to: 'PENDING' } },
];

describe('a ticket conversation', () => {
  it('is read from the history: the messages in order, with their visibility', () => {
    expect(conversationOf(entries).map((m) => [m.id, m.visibility, m.body])).toEqual([
      ['m-1', 'public', 'We are on it.'],
      ['m-2', 'internal', 'VIP customer'],
    ]);
  });

  it('shows internal notes unmistakably apart from public replies', () => {
    render(<I18nProvider initial="en"><Conversation messages={conversationOf(entries)} me={{ id: 'a-1' }} staffView /></I18nProvider>);
    const note = screen.getByTestId('message-internal');
    expect(note.className).toContain('internal');
    expect(note.textContent).toContain('Internal note');
    expect(screen.getByTestId('message-public').textContent).not.toContain('Internal note');
    expect(screen.getAllByText('You')).toHaveLength(2);
  });

  it('tells the history in words, in the viewer\'s language', () => {
    render(<I18nProvider initial="de"><Timeline entries={entries} /></I18nProvider>);
    expect(screen.getByText('Ticket erstellt')).toBeTruthy();
    expect(screen.getByText('Interne Notiz hinzugefügt')).toBeTruthy();
    expect(screen.getByText('Status geändert auf Wartend')).toBeTruthy();
  });

  it('says which automation changed the ticket and why', () => {
    const automatic: Entry[] = [
      { sequence: 4, type: 'autocrm.ticket.assigned.v1', at: '2026-11-22T09:08:00Z',
        by: { userId: 'routing-service', role: 'automation', reason: 'rule:r-123' }, data: { groupId: 'billing' } },
      { sequence: 5, type: 'autocrm.ticket.assigned.v1', at: '2026-11-22T09:09:00Z',
        by: { userId: 'routing-service', role: 'automation', reason: 'round_robin' }, data: { agentId: 'maria' } },
      { sequence: 6, type: 'autocrm.ticket.priority_changed.v1', at: '2026-11-22T10:00:00Z',
        by: { userId: 'routing-service', role: 'automation', reason: 'sla_breach:p-1' }, data: { to: 'URGENT' } },
      { sequence: 7, type: 'autocrm.ticket.status_changed.v1', at: '2026-11-22T10:05:00Z',
        by: { userId: 'routing-service', role: 'automation', reason: null }, data: { to: 'PENDING' } },
    ];
    const { container } = render(<I18nProvider initial="en"><Timeline entries={automatic} /></I18nProvider>);
    const lines = [...container.querySelectorAll('li > div')].map((line) => line.textContent);
    expect(lines).toEqual([
      'Assigned to billing · Automation · rule r-123',
      'Assigned to maria · Automation · round robin',
      'Priority changed to Urgent · Automation · SLA breach',
      'Status changed to Pending · Automation',
    ]);
  });

  it('names the automation in German too', () => {
    render(<I18nProvider initial="de"><Timeline entries={[{ sequence: 1, type: 'autocrm.ticket.assigned.v1',
      at: '2026-11-22T09:08:00Z', by: { userId: 'routing-service', role: 'automation', reason: 'rule:r-1,least_loaded' },
      data: { groupId: 'billing' } }]} /></I18nProvider>);
    expect(screen.getByText('· Automatisierung · Regel r-1, geringste Auslastung', { exact: false })).toBeTruthy();
  });

  it('lets staff switch between a public reply and an internal note and clears the box once sent', async () => {
    const send = vi.fn(async () => true);
    render(<I18nProvider initial="en"><Composer staff busy={false} onSend={send} /></I18nProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    const box = screen.getByRole('textbox', { name: 'Internal note' });
    box.textContent = '  check the logs  ';
    fireEvent.input(box);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('check the logs', 'internal', { attachmentIds: [], mentions: [] }));
    await waitFor(() => expect(box.innerHTML).toBe(''));
  });

  it('sends formatting as sanitised HTML with the people it mentions', async () => {
    const send = vi.fn(async () => true);
    render(<I18nProvider initial="en"><Composer staff busy={false} onSend={send} /></I18nProvider>);
    const box = screen.getByRole('textbox', { name: 'Public reply' });
    box.innerHTML = '<p><b>Fixed</b> for <span data-mention="u-7">@Ada</span><img src=x onerror="alert(1)"></p>';
    fireEvent.input(box);
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('<p><b>Fixed</b> for <span data-mention="u-7">@Ada</span></p>',
      'public', { attachmentIds: [], mentions: ['u-7'] }));
  });

  it('shows a formatted message formatted, and a script in it never runs', () => {
    const messages = [{ id: 'm', visibility: 'public' as const, at: '2026-11-22T09:05:00Z', authorRole: 'agent',
      body: '<p><strong>Done</strong><script>window.pwned = 1</script><a href="javascript:alert(1)">x</a></p>' }];
    render(<I18nProvider initial="en"><Conversation messages={messages} me={{ id: 'c' }} /></I18nProvider>);
    const body = screen.getByTestId('message-public').querySelector('.body')!;
    expect(body.querySelector('strong')?.textContent).toBe('Done');
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('a')?.getAttribute('href')).toBeNull();
  });

  it('shows plain text as text, markup-looking characters included', () => {
    const messages = [{ id: 'm', visibility: 'public' as const, at: '2026-11-22T09:05:00Z', body: 'a < b & c' }];
    render(<I18nProvider initial="en"><Conversation messages={messages} me={{ id: 'c' }} /></I18nProvider>);
    expect(screen.getByTestId('message-public').querySelector('.body')!.textContent).toBe('a < b & c');
  });

  it('offers customers no internal note', () => {
    render(<I18nProvider initial="en"><Composer busy={false} onSend={vi.fn()} /></I18nProvider>);
    expect(screen.queryByRole('button', { name: 'Internal note' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });
});
