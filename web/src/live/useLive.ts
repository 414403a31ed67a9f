import { useEffect, useRef, useState } from 'react';
import { liveStream, type Connection, type LiveEvent } from './stream';

/** Calls `listener` (the latest one passed) with every event of the page's live stream while mounted. */
export function useLive(listener: (event: LiveEvent) => void) {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => liveStream.subscribe((event) => latest.current(event)), []);
}

/** Whether the page's live stream is connected. */
export function useLiveStatus(): Connection {
  const [status, setStatus] = useState<Connection>(liveStream.status);
  useEffect(() => liveStream.onStatus(setStatus), []);
  return status;
}
