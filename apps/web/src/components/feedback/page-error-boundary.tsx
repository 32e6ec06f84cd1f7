import { Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The last resort when a page fails to render, most often because a new version of the site
 * was deployed and this tab asks for a page file that no longer exists: a reload fixes that.
 * Keyed by the path in the layout, so moving to another page clears it.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageError /> : this.props.children;
  }
}

function PageError() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="alert" align="flex-start">
      <Text>{t('problems.generic')}</Text>
      <Button size="lg" onClick={() => window.location.reload()}>
        {t('app.retry')}
      </Button>
    </Stack>
  );
}
