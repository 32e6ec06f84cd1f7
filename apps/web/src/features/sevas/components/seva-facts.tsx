import type { Seva } from '@sevabook/shared';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatMoney } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import classes from './seva.module.css';

/** Fee, duration and persons of a seva, as short labelled facts. */
export function SevaFacts({ seva, withPersons = false }: { seva: Seva; withPersons?: boolean }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <Group gap="xs" className={classes.facts}>
      <Text component="span" className={seva.feePaise === 0 ? classes.factFree : classes.factFee}>
        <span className={classes.visuallyHidden}>{t('seva.feeLabel')}: </span>
        {seva.feePaise === 0
          ? t('seva.free')
          : t('seva.feePerPerson', { amount: formatMoney(seva.feePaise, language) })}
      </Text>
      <Text component="span" className={classes.fact}>
        <span className={classes.visuallyHidden}>{t('seva.durationLabel')}: </span>
        {formatDuration(seva.durationMinutes, language)}
      </Text>
      {withPersons && (
        <Text component="span" className={classes.fact}>
          {t('seva.upToPersons', { count: seva.maxPersonsPerBooking })}
        </Text>
      )}
    </Group>
  );
}
