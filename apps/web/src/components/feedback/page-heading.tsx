import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTemple } from '../../lib/use-temple.ts';

let firstPage = true;

/**
 * The page's h1. It also names the browser tab, and after an in-app navigation takes focus, so
 * a screen reader announces the new page instead of staying silent on the old link.
 */
export function PageHeading({ children, title, ...props }: TitleProps & { title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const temple = useTemple();
  const site = temple.name ?? t('app.siteName');

  useEffect(() => {
    document.title = `${title} · ${site}`;
  }, [title, site]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }} {...props}>
      {children ?? title}
    </Title>
  );
}
