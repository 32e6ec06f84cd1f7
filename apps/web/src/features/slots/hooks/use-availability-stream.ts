import type { Slot, SlotList } from '@sevabook/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API_BASE } from '../../../lib/api-client.ts';
import {
  applyAvailabilityEvent,
  applyAvailabilityEventToList,
  parseAvailabilityEvent,
} from '../availability-event.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'unsupported';

const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps every cached slot of a seva up to date from the availability stream (Server-Sent
 * Events), so a slot that fills while a devotee looks at it turns "full" without a reload.
 *
 * EventSource reconnects by itself after a dropped connection; it gives up only when the server
 * answers with an error status (e.g. a restart behind a proxy), and then we reconnect with
 * backoff. When the phone reports it is back online we reconnect at once. After any gap the
 * slot lists are refetched, because events sent while we were away are lost.
 */
export function useAvailabilityStream(sevaId: number | undefined): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>(
    typeof EventSource === 'undefined' ? 'unsupported' : 'connecting',
  );

  useEffect(() => {
    if (sevaId === undefined || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let hadGap = false;
    let stopped = false;

    const onSlot = (message: MessageEvent<string>) => {
      const event = parseAvailabilityEvent(message.data);
      if (!event) return;
      const now = new Date();
      queryClient.setQueriesData<SlotList>({ queryKey: ['slots', event.sevaId] }, (list) =>
        list ? applyAvailabilityEventToList(list, event, now) : list,
      );
      queryClient.setQueryData<Slot>(['slot', event.slotId], (slot) =>
        slot ? applyAvailabilityEvent(slot, event, now) : slot,
      );
    };

    const connect = () => {
      if (stopped) return;
      source = new EventSource(`${API_BASE}/availability/stream?sevaId=${sevaId}`);
      source.addEventListener('slot', onSlot as EventListener);
      source.addEventListener('open', () => {
        attempt = 0;
        setState('live');
        if (hadGap) {
          hadGap = false;
          void queryClient.invalidateQueries({ queryKey: ['slots', sevaId] });
          void queryClient.invalidateQueries({ queryKey: ['slot'] });
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

    // Back online: the old connection may look open yet be dead (a phone that lost its network
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
    };
  }, [sevaId, queryClient]);

  return state;
}
