import { Button, Group, Modal, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useCan } from '../../lib/use-session.ts';
import { useCreateSeva } from '../../features/sevas/api/create-seva.ts';
import { useAdminSevas } from '../../features/sevas/api/get-admin-sevas.ts';
import { SevaForm } from '../../features/sevas/components/seva-form.tsx';
import { SevaTable } from '../../features/sevas/components/seva-table.tsx';
import { emptySeva, toSevaBody } from '../../features/sevas/seva-form-values.ts';

export default function SevasRoute() {
  const { t } = useTranslation();
  const sevas = useAdminSevas();
  const canManage = useCan('manageSevas');
  const create = useCreateSeva();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('sevas.title')}</Title>
        {canManage && <Button onClick={() => setAdding(true)}>{t('sevas.new')}</Button>}
      </Group>
      <QueryState query={sevas}>{(data) => <SevaTable sevas={data.items} />}</QueryState>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('sevas.new')}
        size="xl"
      >
        <SevaForm
          initial={emptySeva}
          submitLabel={t('sevas.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) =>
            create.mutate(
              { ...toSevaBody(v), sortOrder: 0 },
              {
                onSuccess: (seva) => {
                  notifications.show({
                    color: 'leaf',
                    message: t('sevas.created', { name: seva.name.en }),
                  });
                  setAdding(false);
                  void navigate(`/sevas/${seva.id}`);
                },
              },
            )
          }
        />
      </Modal>
    </Stack>
  );
}
