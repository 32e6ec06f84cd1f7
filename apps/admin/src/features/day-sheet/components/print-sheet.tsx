import { formatPhoneInternational, nakshatras, rashis, type DaySheet } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { confirmedOf, slotsToPrint } from '../sheet-summary.ts';
import { SheetSummaryPage } from './sheet-summary-page.tsx';
import classes from './print-sheet.module.css';

const nakshatraByKey = new Map<string, { en: string; kn: string }>(
  nakshatras.map((n) => [n.key, n]),
);
const rashiByKey = new Map<string, { en: string; kn: string }>(rashis.map((r) => [r.key, r]));

/** Kannada first for the priests, English after: "ರೋಹಿಣಿ (Rohini)". */
function both(map: Map<string, { en: string; kn: string }>, key: string | null): string | null {
  if (!key) return null;
  const v = map.get(key);
  return v ? `${v.kn} (${v.en.replace(/ \(.*\)$/, '')})` : key;
}

/**
 * The day sheet the priests read from: a summary page, then the slots that have bookings one
 * after another (several to a page, none split from its heading), the seva's name in Kannada and
 * English, each devotee's sankalpa in type large enough to read aloud, and a box to tick as each
 * devotee arrives. Slots nobody booked are not printed.
 */
export function PrintSheet({ sheet }: { sheet: DaySheet }) {
  const { t } = useTranslation();
  return (
    <div className={classes.sheet}>
      <SheetSummaryPage sheet={sheet} />
      {slotsToPrint(sheet).map((slot) => (
        <section
          key={slot.id}
          className={classes.slot}
          aria-labelledby={`sheet-${slot.id}`}
          data-testid="sheet-slot"
        >
          <header className={classes.header}>
            <h2 id={`sheet-${slot.id}`} className={classes.seva}>
              <span lang="kn">{slot.seva.name.kn}</span>
              <span className={classes.sevaEn}>{slot.seva.name.en}</span>
            </h2>
            <p className={classes.when}>
              {formatDate(sheet.date)} · {formatTime(slot.time)} ·{' '}
              {t('sheet.slotSummary', { booked: slot.booked, count: slot.capacity })}
            </p>
          </header>
          <table className={classes.list}>
            <thead>
              <tr>
                <th scope="col" className={classes.tickHead}>
                  {t('sheet.arrived')}
                </th>
                <th scope="col">{t('sheet.devotee')}</th>
                <th scope="col">{t('sheet.sankalpa')}</th>
              </tr>
            </thead>
            <tbody>
              {confirmedOf(slot).map((b) => (
                <tr key={b.id} className={classes.devotee} data-testid="sheet-devotee">
                  <td className={classes.tick}>
                    <span
                      className={classes.box}
                      role="img"
                      aria-label={t('sheet.arrivedBox', { name: b.devoteeName })}
                    />
                  </td>
                  <td>
                    <div className={classes.name}>
                      {b.devoteeName}
                      {b.persons > 1 && <span className={classes.persons}> × {b.persons}</span>}
                    </div>
                    <div className={classes.meta}>
                      {b.reference} · {formatPhoneInternational(b.phone)}
                    </div>
                  </td>
                  <td className={classes.sankalpa}>
                    {[
                      b.gotra && `${t('bookings.gotra')}: ${b.gotra}`,
                      both(nakshatraByKey, b.nakshatra) &&
                        `${t('bookings.nakshatra')}: ${both(nakshatraByKey, b.nakshatra)}`,
                      both(rashiByKey, b.rashi) &&
                        `${t('bookings.rashi')}: ${both(rashiByKey, b.rashi)}`,
                    ]
                      .filter(Boolean)
                      .map((line) => (
                        <span key={line as string} lang="kn">
                          {line}
                        </span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
