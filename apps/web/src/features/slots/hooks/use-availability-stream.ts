import type { Slot, SlotList } from '@sevabook/shared';
import {
  API_BASE,
  parseAvailabilityEvent,
  useEventStream,
  type StreamHandlers,
  type StreamState,
} from '@sevabook/ui';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { applyAvailabilityEvent, applyAvailabilityEventToList } from '../availability-event.ts';

export type { StreamState };

function slotHandlers(queryClient: QueryClient, sevaId: number): StreamHandlers {
  return {
    onMessage(data) {
      const event = parseAvailabilityEvent(data);
      if (!event) return;
      const now = new Date();
      queryClient.setQueriesData<SlotList>({ queryKey: ['slots', event.sevaId] }, (list) =>
        list ? applyAvailabilityEventToList(list, event, now) : list,
      );
      queryClient.setQueryData<Slot>(['slot', event.slotId], (slot) =>
        slot ? applyAvailabilityEvent(slot, event, now) : slot,
      );
    },
    onGap() {
      void queryClient.invalidateQueries({ queryKey: ['slots', sevaId] });
      void queryClient.invalidateQueries({ queryKey: ['slot'] });
    },
  };
}

/**
 * Keeps every cached slot of a seva up to date from the availability stream, so a slot that
 * fills while a devotee looks at it turns "full" without a reload. After any gap the slot lists
 * are refetched, because events sent while we were away are lost.
 */
export function useAvailabilityStream(sevaId: number | undefined): StreamState {
  const queryClient = useQueryClient();
  const createHandlers = useCallback(
    () => slotHandlers(queryClient, sevaId ?? 0),
    [queryClient, sevaId],
  );
  return useEventStream(
    sevaId === undefined ? undefined : `${API_BASE}/availability/stream?sevaId=${sevaId}`,
    'slot',
    createHandlers,
  );
}
