import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box takes keyboard focus
 * (arrow keys scroll it), which a table without buttons would otherwise not offer.
 */
export function ScrollTable({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="region"
      aria-label={label ?? t('app.table')}
      tabIndex={0}
      style={{ overflowX: 'auto', position: 'relative' }}
    >
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
