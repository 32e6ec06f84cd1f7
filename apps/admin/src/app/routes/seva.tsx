import { Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminSeva } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { addDays, todayIn } from '../../lib/calendar-date.ts';
import { useCan } from '../../lib/use-session.ts';
import { useAdminSlots } from '../../lib/slots/get-admin-slots.ts';
import { useAdminSeva } from '../../features/sevas/api/get-admin-seva.ts';
import { useClosedDates } from '../../features/sevas/api/get-closed-dates.ts';
import { useSchedules } from '../../features/sevas/api/get-schedules.ts';
import { useUpdateSeva } from '../../features/sevas/api/update-seva.ts';
import { ClosedDates } from '../../features/sevas/components/closed-dates.tsx';
import { ExtraSlotForm } from '../../features/sevas/components/extra-slot-form.tsx';
import { ScheduleForm } from '../../features/sevas/components/schedule-form.tsx';
import { ScheduleList } from '../../features/sevas/components/schedule-list.tsx';
import { SevaForm } from '../../features/sevas/components/seva-form.tsx';
import { UpcomingSlots } from '../../features/sevas/components/upcoming-slots.tsx';
import { sevaToForm, toSevaBody } from '../../features/sevas/seva-form-values.ts';

export default function SevaRoute() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const seva = useAdminSeva(id);
  return (
    <Stack>
      <Anchor component={Link} to="/sevas">
        ← {t('sevas.back')}
      </Anchor>
      <QueryState query={seva}>{(data) => <SevaDetail seva={data} />}</QueryState>
    </Stack>
  );
}

function SevaDetail({ seva }: { seva: AdminSeva }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const today = todayIn(timeZone);
  const canManage = useCan('manageSevas');
  const update = useUpdateSeva();
  const schedules = useSchedules(seva.id);
  const closed = useClosedDates(today);
  const upcoming = useAdminSlots({ from: today, to: addDays(today, 13), sevaId: seva.id });
  const closedSet = useMemo(
    () =>
      new Set(
        (closed.data?.items ?? [])
          .filter((c) => c.sevaId === null || c.sevaId === seva.id)
          .map((c) => c.date),
      ),
    [closed.data, seva.id],
  );

  return (
    <Stack>
      <div>
        <Title order={1}>{seva.name.en}</Title>
        <Text size="lg" lang="kn">
          {seva.name.kn}
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={2} size="h3" mb="sm">
                {t('sevas.schedules')}
              </Title>
              <QueryState query={schedules}>
                {(data) => (
                  <ScheduleList
                    schedules={data.items}
                    canEdit={canManage}
                    defaultCapacity={seva.defaultCapacity}
                  />
                )}
              </QueryState>
            </Paper>
            {canManage && <ScheduleForm seva={seva} today={today} closedDates={closedSet} />}
            {canManage && <ExtraSlotForm seva={seva} today={today} />}
            <QueryState query={closed}>
              {(data) => (
                <ClosedDates
                  seva={seva}
                  closedDates={data.items}
                  today={today}
                  canEdit={canManage}
                />
              )}
            </QueryState>
            <Paper withBorder p="md">
              <Title order={2} size="h3" mb="sm">
                {t('sevas.edit')}
              </Title>
              <SevaForm
                key={seva.updatedAt}
                initial={sevaToForm(seva)}
                submitLabel={t('app.save')}
                pending={update.isPending}
                error={update.error}
                readOnly={!canManage}
                onSubmit={(v) =>
                  update.mutate(
                    { id: seva.id, body: toSevaBody(v) },
                    {
                      onSuccess: () =>
                        notifications.show({ color: 'leaf', message: t('sevas.saved') }),
                    },
                  )
                }
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <QueryState query={upcoming}>{(data) => <UpcomingSlots slots={data.items} />}</QueryState>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
