import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { SlaBadge } from './SlaBadge';

afterEach(() => vi.useRealTimers());

describe('the SLA badge', () => {
  it('says it in words with the policy and target in its title, and ticks once a minute', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') });
    render(<I18nProvider initial="en"><SlaBadge sla={{ policyId: 'p-1', policyName: 'Gold', metric: 'resolution',
      dueAt: '2026-12-07T12:42:00Z', status: 'on_track' }} /></I18nProvider>);
    const badge = screen.getByTestId('sla-badge');
    expect(badge.textContent).toBe('SLA: Due in 42 min');
    expect(badge.className).toContain('sla-on_track');
    expect(badge.title).toMatch(/^SLA: Gold · resolution · due /);
    act(() => { vi.advanceTimersByTime(60_000); });
    expect(badge.textContent).toBe('SLA: Due in 41 min');
  });

  it('shows nothing for a ticket without an SLA', () => {
    const { container } = render(<I18nProvider initial="en"><SlaBadge sla={null} /></I18nProvider>);
    expect(container.textContent).toBe('');
  });
});
