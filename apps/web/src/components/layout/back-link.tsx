import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** "← All sevas": a plain, large link back; never the browser's back button alone. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor
      component={Link}
      to={to}
      fw={700}
      style={{ display: 'inline-flex', minHeight: '2.75rem', alignItems: 'center' }}
    >
      <span aria-hidden="true">←&nbsp;</span>
      {children}
    </Anchor>
  );
}
