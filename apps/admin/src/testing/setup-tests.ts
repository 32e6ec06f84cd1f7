import '@sevabook/ui/testing/setup-tests';

// jsdom lays nothing out, so Mantine's focus trap finds no visible element to focus and says so
// on every popover; that is jsdom's limit, not the app's.
/* eslint-disable no-console */
for (const level of ['warn', 'error'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[@mantine/hooks/use-focus-trap]'))
      return;
    original(...args);
  };
}
/* eslint-enable no-console */
