import { Anchor, CloseButton, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { formatPhoneInternational } from '@sevabook/shared';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { useSearchBookings } from '../api/search-bookings.ts';
import { ScrollTable } from '../../../components/layout/scroll-table.tsx';

/** Quick search by reference, name or phone across all days; a result opens its day. */
export const BookingSearch = forwardRef<HTMLInputElement>(function BookingSearch(_props, ref) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const search = useSearchBookings(
    { q: debounced, pageSize: 20, sort: '-startsAt' },
    debounced.length >= 2,
  );

  return (
    <Stack gap="xs">
      <TextInput
        ref={ref}
        type="search"
        label={t('bookings.search')}
        placeholder={t('bookings.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQ('');
        }}
        rightSection={
          q ? <CloseButton aria-label={t('app.close')} onClick={() => setQ('')} /> : null
        }
      />
      {debounced.length >= 2 && (
        <Paper withBorder p="xs" aria-live="polite">
          {search.isError ? (
            <ErrorState error={search.error} />
          ) : !search.data ? (
            <Text size="sm">{t('app.loading')}</Text>
          ) : search.data.items.length === 0 ? (
            <Text size="sm">{t('bookings.searchNone', { q: debounced })}</Text>
          ) : (
            <>
              <Text size="sm" fw={600}>
                {t('bookings.searchResults', { count: search.data.total })}
              </Text>
              <ScrollTable minWidth={600}>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {search.data.items.map((b) => (
                      <Table.Tr key={b.id} data-testid="search-result">
                        <Table.Td>{b.reference}</Table.Td>
                        <Table.Td>{b.devoteeName}</Table.Td>
                        <Table.Td>{formatPhoneInternational(b.phone)}</Table.Td>
                        <Table.Td>
                          {formatDate(b.slot.date, 'short')} {formatTime(b.slot.time)} ·{' '}
                          {b.seva.name.en}
                        </Table.Td>
                        <Table.Td>{t(`bookings.statuses.${b.status}`)}</Table.Td>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/day?date=${b.slot.date}&slot=${b.slot.id}`}
                            onClick={() => setQ('')}
                          >
                            {t('bookings.openDay')}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
});
