import type { DaySheet } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../lib/temple-format.ts';
import { sevaLines, slotsToPrint } from '../sheet-summary.ts';
import classes from './print-sheet.module.css';

/** The first printed page: the day per seva (bookings, persons, fees) and the day's totals. */
export function SheetSummaryPage({ sheet }: { sheet: DaySheet }) {
  const { t } = useTranslation();
  const lines = sevaLines(sheet);
  const printed = slotsToPrint(sheet).length;
  const total = lines.reduce(
    (sum, l) => ({
      bookings: sum.bookings + l.bookings,
      persons: sum.persons + l.persons,
      feePaise: sum.feePaise + l.feePaise,
    }),
    { bookings: 0, persons: 0, feePaise: 0 },
  );
  return (
    <section
      className={classes.summaryPage}
      // On a phone the summary's table scrolls sideways: the keyboard must reach it too.
      tabIndex={0}
      aria-labelledby="sheet-summary"
      data-testid="sheet-summary"
    >
      <h2 id="sheet-summary" className={classes.summaryTitle}>
        {t('sheet.summaryTitle', { date: formatDate(sheet.date) })}
      </h2>
      <table className={classes.summaryTable}>
        <thead>
          <tr>
            <th scope="col">{t('sheet.seva')}</th>
            <th scope="col">{t('sheet.slots')}</th>
            <th scope="col">{t('sheet.bookings')}</th>
            <th scope="col">{t('sheet.persons')}</th>
            <th scope="col">{t('sheet.fees')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.sevaId} data-testid="sheet-summary-line">
              <th scope="row">
                <span lang="kn">{l.name.kn}</span> <span>{l.name.en}</span>
              </th>
              <td>{l.slots}</td>
              <td>{l.bookings}</td>
              <td>{l.persons}</td>
              <td>{formatMoney(l.feePaise)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('sheet.total')}</th>
            <td>{printed}</td>
            <td>{total.bookings}</td>
            <td>{total.persons}</td>
            <td>{formatMoney(total.feePaise)}</td>
          </tr>
        </tfoot>
      </table>
      {sheet.slots.length > printed && (
        <p className={classes.summaryNote}>
          {t('sheet.emptyNotPrinted', { count: sheet.slots.length - printed })}
        </p>
      )}
    </section>
  );
}
