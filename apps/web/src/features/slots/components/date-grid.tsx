import { Button } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import type { DaySummary } from '../day-summary.ts';
import classes from './slots.module.css';

const FIRST_PAGE = 12;

interface DateGridProps {
  days: readonly DaySummary[];
  selected: string | undefined;
  onSelect: (date: string) => void;
}

/**
 * The booking window's dates as big buttons, grouped by month, each saying whether places are
 * left. A grid that wraps rather than a strip that scrolls sideways: nothing hides off-screen
 * and nothing needs a swipe.
 */
export function DateGrid({ days, selected, onSelect }: DateGridProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const selectedIndex = days.findIndex((d) => d.date === selected);
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? days : days.slice(0, Math.max(FIRST_PAGE, selectedIndex + 1));

  const months = new Map<string, DaySummary[]>();
  for (const day of visible) {
    const key = day.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), day]);
  }

  return (
    <div>
      {[...months.entries()].map(([month, monthDays]) => (
        <Fragment key={month}>
          <h3 className={classes.month}>{formatMonth(`${month}-01`, language)}</h3>
          <ul className={classes.dateGrid}>
            {monthDays.map((day) => (
              <li key={day.date}>
                <button
                  type="button"
                  className={classes.dateButton}
                  data-state={day.state}
                  data-date={day.date}
                  aria-pressed={day.date === selected}
                  onClick={() => onSelect(day.date)}
                >
                  <span className={classes.weekday}>
                    {formatDate(day.date, language, 'weekday')}
                  </span>
                  <span className={classes.dayMonth}>
                    {formatDate(day.date, language, 'dayMonth')}
                  </span>
                  <span className={classes.dayPlaces}>
                    {day.state === 'open'
                      ? t('seva.dateHasPlaces', { count: day.places })
                      : day.state === 'full'
                        ? t('seva.dateFull')
                        : t('seva.dateClosed')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Fragment>
      ))}
      {visible.length < days.length && (
        <Button variant="outline" mt="md" fullWidth onClick={() => setShowAll(true)}>
          {t('seva.showMoreDates')}
        </Button>
      )}
    </div>
  );
}
