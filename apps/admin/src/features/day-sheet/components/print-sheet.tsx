import { formatPhoneInternational, type DaySheet } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../../lib/temple-format.ts';
import { nakshatras, rashis } from '@sevabook/shared';
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
 * The day sheet the priests read from: one page per slot, the seva's name in Kannada and
 * English, and each devotee's sankalpa in type large enough to read aloud.
 */
export function PrintSheet({ sheet }: { sheet: DaySheet }) {
  const { t } = useTranslation();
  return (
    <div className={classes.sheet}>
      {sheet.slots.map((slot) => {
        const confirmed = slot.bookings.filter((b) => b.status === 'confirmed');
        return (
          <section
            key={slot.id}
            className={classes.page}
            aria-labelledby={`sheet-${slot.id}`}
            data-testid="sheet-page"
          >
            <header className={classes.header}>
              <h2 id={`sheet-${slot.id}`} className={classes.seva}>
                <span lang="kn">{slot.seva.name.kn}</span>
                <span className={classes.sevaEn}>{slot.seva.name.en}</span>
              </h2>
              <p className={classes.when}>
                {formatDate(sheet.date)} · {formatTime(slot.time)}
              </p>
              <p className={classes.summary}>
                {t('sheet.slotSummary', { booked: slot.booked, capacity: slot.capacity })}
              </p>
            </header>
            {confirmed.length === 0 ? (
              <p>{t('sheet.empty')}</p>
            ) : (
              <ol className={classes.list}>
                {confirmed.map((b) => (
                  <li key={b.id} className={classes.devotee}>
                    <div className={classes.name}>
                      {b.devoteeName}
                      {b.persons > 1 && <span className={classes.persons}> × {b.persons}</span>}
                    </div>
                    <div className={classes.sankalpa}>
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
                    </div>
                    <div className={classes.meta}>
                      {b.reference} · {formatPhoneInternational(b.phone)}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
