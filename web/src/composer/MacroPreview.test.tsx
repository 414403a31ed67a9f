import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Composer, type MacroHooks } from './Composer';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** One canned response that only inserts text, one macro that sets Pending and adds a tag. */
function cannedResponses() {
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/tickets/canned-responses') {
      return json({ cannedResponses: [
        { cannedResponseId: 'c-text', title: 'Printer restart', body: 'Switch it off and on.', actions: { addTags: [] } },
        { cannedResponseId: 'c-macro', title: 'Waiting for vendor', body: 'Hi {{customer.name}}',
          actions: { setStatus: 'PENDING', addTags: ['vendor'] } },
      ] });
    }
    return json([]); // the staff directory
  }));
}

function composer(macros: MacroHooks) {
  render(<I18nProvider><Composer staff busy={false} onSend={async () => true} ticketId="t-1" macros={macros} /></I18nProvider>);
}

describe('applying a macro from the composer', () => {
  it('offers only macros, previews the filled-in reply and the changes, and applies on Apply', async () => {
    cannedResponses();
    const apply = vi.fn(async () => true);
    const preview = vi.fn(async () => ({ plan: { body: 'Hi Sarah Chen', visibility: 'public',
      changes: [{ kind: 'status', from: 'OPEN', to: 'PENDING' }, { kind: 'addTag', from: null, to: 'vendor' }] } }));
    composer({ preview, apply });

    const select = await screen.findByLabelText('Apply macro…');
    expect([...select.querySelectorAll('option')].map((option) => option.textContent))
      .toEqual(['Apply macro…', 'Waiting for vendor']);
    fireEvent.change(select, { target: { value: 'c-macro' } });

    expect(await screen.findByText('Hi Sarah Chen')).toBeTruthy();
    expect(preview).toHaveBeenCalledWith('c-macro');
    expect(screen.getByText('Status: Open → Pending')).toBeTruthy();
    expect(screen.getByText('Add tag “vendor”')).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(apply).toHaveBeenCalledWith('c-macro', 'Waiting for vendor'));
    expect(screen.queryByTestId('macro-preview')).toBeNull();
  });

  it('changes nothing when cancelled, and says why a preview failed', async () => {
    cannedResponses();
    const apply = vi.fn(async () => true);
    composer({ preview: async () => ({ error: 'There is no canned response c-macro' }), apply });

    fireEvent.change(await screen.findByLabelText('Apply macro…'), { target: { value: 'c-macro' } });
    expect(await screen.findByText('There is no canned response c-macro')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByTestId('macro-preview')).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });
});
