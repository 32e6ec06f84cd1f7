import type { DaySheet, SlotList } from '@sevabook/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API_BASE } from '../../../lib/api-client.ts';
import {
  applyEventToDaySheet,
  applyEventToSlotList,
  parseAvailabilityEvent,
} from '../availability-event.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'unsupported';

const MAX_BACKOFF_MS = 30_000;
/** Several bookings in a burst (a festival morning) cause one refetch of the booking rows. */
const REFETCH_DEBOUNCE_MS = 700;

/**
 * Keeps the open screens live from the availability stream. Counts are patched into the cached
 * day sheets and slot lists at once; the booking rows behind them are refetched in the
 * background, so the page never blanks, scrolls or closes what the user has open.
 */
export function useAvailabilityStream(): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>(
    typeof EventSource === 'undefined' ? 'unsupported' : 'connecting',
  );

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let hadGap = false;
    let stopped = false;

    const refetchSoon = () => {
      clearTimeout(refetchTimer);
      refetchTimer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: ['day-sheet'] });
        void queryClient.invalidateQueries({ queryKey: ['bookings', 'search'] });
      }, REFETCH_DEBOUNCE_MS);
    };

    const onSlot = (message: MessageEvent<string>) => {
      const event = parseAvailabilityEvent(message.data);
      if (!event) return;
      queryClient.setQueriesData<DaySheet>({ queryKey: ['day-sheet'] }, (sheet) =>
        sheet ? applyEventToDaySheet(sheet, event) : sheet,
      );
      queryClient.setQueriesData<SlotList>({ queryKey: ['slots'] }, (list) =>
        list ? applyEventToSlotList(list, event) : list,
      );
      refetchSoon();
    };

    const connect = () => {
      if (stopped) return;
      source = new EventSource(`${API_BASE}/availability/stream`);
      source.addEventListener('slot', onSlot as EventListener);
      source.addEventListener('open', () => {
        attempt = 0;
        setState('live');
        if (hadGap) {
          hadGap = false;
          refetchSoon();
          void queryClient.invalidateQueries({ queryKey: ['slots'] });
        }
      });
      source.addEventListener('error', () => {
        hadGap = true;
        setState('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt++));
        }
      });
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(refetchTimer);
      source?.close();
    };
  }, [queryClient]);

  return state;
}
