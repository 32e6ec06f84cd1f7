import { useEffect, useState } from 'react';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'unsupported';

/** What a site does with one connection's messages; made afresh for every subscription. */
export interface StreamHandlers {
  /** A message of the subscribed event type (its raw data). */
  onMessage: (data: string) => void;
  /** Connected again after a gap: events sent meanwhile are lost, so refetch what they patch. */
  onGap: () => void;
  /** The subscription ends (unmount or a new url). */
  dispose?: () => void;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * A Server-Sent Events subscription that stays up. EventSource reconnects by itself after a
 * dropped connection; it gives up only when the server answers with an error status (e.g. a
 * restart behind a proxy), and then we reconnect with backoff. When the device reports it is
 * back online we reconnect at once. `url` undefined means nothing to subscribe to yet;
 * `createHandlers` should be stable (module level or useCallback), as a new one resubscribes.
 */
export function useEventStream(
  url: string | undefined,
  eventType: string,
  createHandlers: () => StreamHandlers,
): StreamState {
  const [state, setState] = useState<StreamState>(
    typeof EventSource === 'undefined' ? 'unsupported' : 'connecting',
  );

  useEffect(() => {
    if (url === undefined || typeof EventSource === 'undefined') return;
    const handlers = createHandlers();
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let hadGap = false;
    let stopped = false;

    const onMessage = (message: MessageEvent<string>) => handlers.onMessage(message.data);

    const connect = () => {
      if (stopped) return;
      source = new EventSource(url);
      source.addEventListener(eventType, onMessage as EventListener);
      source.addEventListener('open', () => {
        attempt = 0;
        setState('live');
        if (hadGap) {
          hadGap = false;
          handlers.onGap();
        }
      });
      source.addEventListener('error', () => {
        hadGap = true;
        setState('reconnecting');
        if (source?.readyState === EventSource.CLOSED) scheduleReconnect();
      });
    };

    const scheduleReconnect = () => {
      clearTimeout(retryTimer);
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
      attempt += 1;
      retryTimer = setTimeout(connect, delay);
    };

    // Back online: the old connection may look open yet be dead (a device that lost its network
    // often never sees the socket close), and events sent meanwhile are lost. So start afresh.
    const onOnline = () => {
      clearTimeout(retryTimer);
      source?.close();
      hadGap = true;
      connect();
    };

    connect();
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      window.removeEventListener('online', onOnline);
      source?.close();
      handlers.dispose?.();
    };
  }, [url, eventType, createHandlers]);

  return state;
}
