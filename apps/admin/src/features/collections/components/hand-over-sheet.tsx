import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/temple-format.ts';
import classes from './collections.module.css';

/**
 * What only the paper has: at the top the temple, the dates and when and by whom it was printed;
 * at the foot the lines the clerk and the office sign when the cash box changes hands.
 */
export function HandOverHeader({
  templeName,
  from,
  to,
  printedAt,
  printedBy,
}: {
  templeName?: string;
  from: string;
  to: string;
  printedAt: string;
  printedBy: string;
}) {
  const { t } = useTranslation();
  return (
    <header className={`print-only ${classes.printHeader}`} data-testid="hand-over-header">
      {templeName && <p className={classes.printTemple}>{templeName}</p>}
      <h2 className={classes.printTitle}>
        {t('collections.printTitle')} ·{' '}
        {from === to
          ? formatDate(from)
          : t('collections.printRange', {
              from: formatDate(from, 'short'),
              to: formatDate(to, 'short'),
            })}
      </h2>
      <p className={classes.printMeta}>
        {t('collections.printedAt', { when: printedAt, name: printedBy })}
      </p>
    </header>
  );
}

export function HandOverSignatures({ clerks }: { clerks: string[] }) {
  const { t } = useTranslation();
  const names = clerks.length > 0 ? clerks : [''];
  return (
    <footer className={`print-only ${classes.signatures}`} data-testid="hand-over-signatures">
      {names.map((name) => (
        <div key={name || 'clerk'} className={classes.signatureRow}>
          <div className={classes.signature}>
            <span className={classes.line} />
            {t('collections.handedOverBy')}
            {name && `: ${name}`}
          </div>
          <div className={classes.signature}>
            <span className={classes.line} />
            {t('collections.receivedBy')}
          </div>
        </div>
      ))}
    </footer>
  );
}
