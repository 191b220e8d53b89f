import { useEffect, useRef, useState } from 'react';
import { followEvents } from '../../api/client';

/**
 * Follows a Server-Sent Events stream with the bearer token and reconnects after a pause when it
 * drops (network, server restart, token refresh). Returns whether the stream is connected.
 */
export function useLiveEvents(path: string | null, onEvent: (event: string, data: string) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!path) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const connect = () => {
      if (controller.signal.aborted) return;
      followEvents(path, (event, data) => handler.current(event, data), controller.signal, () => {
        attempt = 0;
        setConnected(true);
        // Whatever changed while the stream was down is fetched again.
        handler.current('open', '');
      })
        .catch(() => undefined)
        .finally(() => {
          if (controller.signal.aborted) return;
          setConnected(false);
          attempt += 1;
          timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
        });
    };
    connect();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
      setConnected(false);
    };
  }, [path]);
  return connected;
}
