import type { Slot } from '@sevabook/shared';
import { Stack } from '@mantine/core';
import { SlotCard } from './slot-card.tsx';

export function SlotList({ slots }: { slots: readonly Slot[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {slots.map((slot) => (
        <SlotCard key={slot.id} slot={slot} />
      ))}
    </Stack>
  );
}
