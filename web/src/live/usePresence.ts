import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { applyPresence, othersOf, PresenceHolder, type Present, type PresenceState } from './presence';
import { useLive } from './useLive';

/**
 * Holds the caller's presence on the ticket while it is open (viewing, or typing while `typing` is true) and
 * answers who else is there, kept current by the stream.
 */
export function usePresence(ticketId: string, myId: string | undefined, typing: boolean): Present[] {
  const [others, setOthers] = useState<Present[]>([]);
  const holder = useRef<PresenceHolder | null>(null);
  const path = useCallback(() => ({ params: { path: { id: ticketId } } }), [ticketId]);

  useEffect(() => {
    const send = async (state: PresenceState | null) => {
      if (state === null) {
        await api.DELETE('/api/presence/tickets/{id}', path()).catch(() => undefined);
        return;
      }
      const { data } = await api.POST('/api/presence/tickets/{id}', { ...path(), body: { state } })
        .catch(() => ({ data: undefined }));
      if (data) setOthers(othersOf(data.present, myId));
    };
    const held = new PresenceHolder(send);
    holder.current = held;
    held.start('viewing');
    const leave = () => held.stop();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      held.stop();
      holder.current = null;
    };
  }, [ticketId, myId, path]);

  useEffect(() => {
    holder.current?.set(typing ? 'typing' : 'viewing');
  }, [typing]);

  useLive((event) => {
    if (event.kind === 'presence') setOthers((list) => applyPresence(list, event, ticketId, myId));
  });
  return others;
}
