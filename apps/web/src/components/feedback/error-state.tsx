import { ErrorAlert, type ErrorViewProps } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../lib/problem-sentence.ts';

/**
 * An error in plain words, with a way forward. `message` is shown instead of the general
 * sentence, e.g. "We could not find this booking".
 */
export function ErrorState({ error, message, onRetry }: ErrorViewProps) {
  const { t } = useTranslation();
  return (
    <ErrorAlert
      message={message ?? problemSentence(error, t)}
      retryLabel={t('app.retry')}
      onRetry={onRetry}
      color="maroon"
    />
  );
}
