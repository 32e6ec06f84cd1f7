import type { Seva } from '@sevabook/shared';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, localized } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { SevaFacts } from './seva-facts.tsx';
import classes from './seva.module.css';

export function SevaCard({ seva }: { seva: Seva }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const name = localized(seva.name, language);
  const headingId = `seva-${seva.id}-name`;

  return (
    <Card
      component="article"
      aria-labelledby={headingId}
      radius="md"
      padding="lg"
      className={classes.card}
    >
      <Stack gap="sm" h="100%">
        <Title order={2} id={headingId}>
          {name}
        </Title>
        <Text>{localized(seva.description, language)}</Text>
        <SevaFacts seva={seva} />
        <div>
          <Text size="sm" fw={700} c="dimmed" component="h3" mb={4}>
            {t('home.nextDates')}
          </Text>
          {seva.nextOpenDates.length > 0 ? (
            <ul className={classes.dates}>
              {seva.nextOpenDates.map((date) => (
                <li key={date}>
                  {/* A date here is a way in: it opens the seva with that date chosen. */}
                  <Link to={`/sevas/${seva.id}?date=${date}`} className={classes.date}>
                    {formatDate(date, language, 'short')}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm" c="dimmed">
              {t('home.noOpenDates')}
            </Text>
          )}
        </div>
        <Button component={Link} to={`/sevas/${seva.id}`} size="lg" fullWidth mt="auto">
          {t('home.choose')}
          <span className={classes.visuallyHidden}>: {name}</span>
        </Button>
      </Stack>
    </Card>
  );
}
