import { useEffect, useRef } from 'react';

// Keyboard shortcuts of the agent workspace. A key typed into a field is text, never a shortcut; keys with
// Ctrl, Alt or Meta belong to the browser.

export type Shortcuts = Partial<Record<string, () => void>>;

export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return null;
  return event.key;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      const key = shortcutOf(event);
      const action = key ? current.current[key] : undefined;
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** The queue as last loaded in this page, so the ticket view can go to the next and the previous ticket. */
let queueOrder: string[] = [];

export function rememberQueue(ticketIds: string[]): void {
  queueOrder = ticketIds;
}

export function neighbourOf(ticketId: string, step: 1 | -1, order: string[] = queueOrder): string | null {
  const index = order.indexOf(ticketId);
  if (index < 0) return null;
  return order[index + step] ?? null;
}
