import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../lib/problem-sentence.ts';

interface ErrorStateProps {
  error: unknown;
  /** Shown instead of the general sentence, e.g. "We could not find this booking". */
  message?: string;
  onRetry?: () => void;
}

/** An error in plain words, with a way forward. */
export function ErrorState({ error, message, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert color="maroon" variant="light" radius="md" role="alert">
      <Stack gap="sm" align="flex-start">
        <Text>{message ?? problemSentence(error, t)}</Text>
        {onRetry && (
          <Button variant="outline" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
