import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../lib/problem-sentence.ts';

interface ErrorStateProps {
  error: unknown;
  message?: string;
  onRetry?: () => void;
}

/** An error in plain words, with a way forward. */
export function ErrorState({ error, message, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text>{message ?? problemSentence(error, t)}</Text>
        {onRetry && (
          <Button variant="outline" size="xs" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
