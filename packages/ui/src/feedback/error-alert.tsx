import { Alert, Button, Stack, Text } from '@mantine/core';

interface ErrorAlertProps {
  /** The error already in words. */
  message: string;
  retryLabel: string;
  onRetry?: () => void;
  color?: string;
  /** Tighter spacing and a small button, for dense staff screens. */
  compact?: boolean;
}

/** An error in plain words, with a way forward. */
export function ErrorAlert({ message, retryLabel, onRetry, color, compact }: ErrorAlertProps) {
  return (
    <Alert color={color} variant="light" radius={compact ? undefined : 'md'} role="alert">
      <Stack gap={compact ? 'xs' : 'sm'} align="flex-start">
        <Text>{message}</Text>
        {onRetry && (
          <Button variant="outline" size={compact ? 'xs' : undefined} onClick={onRetry}>
            {retryLabel}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
