import type { DaySheet, SlotList } from '@sevabook/shared';
import {
  API_BASE,
  parseAvailabilityEvent,
  useEventStream,
  type StreamHandlers,
  type StreamState,
} from '@sevabook/ui';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { applyEventToDaySheet, applyEventToSlotList } from './availability-event.ts';

export type { StreamState };

/** Several bookings in a burst (a festival morning) cause one refetch of the booking rows. */
const REFETCH_DEBOUNCE_MS = 700;

function staffHandlers(queryClient: QueryClient): StreamHandlers {
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  const refetchSoon = () => {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: ['day-sheet'] });
      void queryClient.invalidateQueries({ queryKey: ['bookings', 'search'] });
    }, REFETCH_DEBOUNCE_MS);
  };
  return {
    onMessage(data) {
      const event = parseAvailabilityEvent(data);
      if (!event) return;
      queryClient.setQueriesData<DaySheet>({ queryKey: ['day-sheet'] }, (sheet) =>
        sheet ? applyEventToDaySheet(sheet, event) : sheet,
      );
      queryClient.setQueriesData<SlotList>({ queryKey: ['slots'] }, (list) =>
        list ? applyEventToSlotList(list, event) : list,
      );
      refetchSoon();
    },
    onGap() {
      refetchSoon();
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
    dispose() {
      clearTimeout(refetchTimer);
    },
  };
}

/**
 * Keeps the open screens live from the availability stream. Counts are patched into the cached
 * day sheets and slot lists at once; the booking rows behind them are refetched in the
 * background, so the page never blanks, scrolls or closes what the user has open.
 */
export function useAvailabilityStream(): StreamState {
  const queryClient = useQueryClient();
  const createHandlers = useCallback(() => staffHandlers(queryClient), [queryClient]);
  return useEventStream(`${API_BASE}/availability/stream`, 'slot', createHandlers);
}
