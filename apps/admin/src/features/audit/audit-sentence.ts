import type { AuditSlot } from '@sevabook/shared';
import type { TFunction } from 'i18next';
import { formatDate, formatTime } from '../../lib/temple-format.ts';
import type { AuditEntry } from './api/get-audit.ts';

type State = Record<string, unknown>;

/** Booking fields staff recognise, in the words of the booking screens. */
const FIELD_LABELS: Record<string, string> = {
  devoteeName: 'bookings.name',
  phone: 'bookings.phone',
  email: 'audit.fields.email',
  persons: 'bookings.persons',
  gotra: 'bookings.gotra',
  nakshatra: 'bookings.nakshatra',
  rashi: 'bookings.rashi',
  language: 'audit.fields.language',
};

/** Fields that are the booking's bookkeeping, not something a person changed. */
const QUIET = new Set(['reference', 'status', 'slotId', 'reason']);

const show = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** "Lakshmi", "the devotee", "Sevabook", "API key Travel desk". */
export function whoDid(actor: AuditEntry['actor'], t: TFunction): string {
  if (actor.type === 'devotee') return t('audit.devotee');
  if (actor.type === 'system') return t('audit.system');
  if (actor.type === 'api_key') return t('audit.apiKey', { label: actor.label });
  return actor.label;
}

/** "7:00 am" when the other end of a move is the same day, else "Sat, 6 Dec 7:00 am". */
function slotWhen(slot: AuditSlot | undefined, sameDay: boolean, t: TFunction): string {
  if (!slot) return t('audit.unknownSlot');
  const time = formatTime(slot.time);
  return sameDay ? time : `${formatDate(slot.date, 'short')} ${time}`;
}

/**
 * One history entry as a sentence staff read at a glance: "Moved from 7:00 am to 8:30 am by
 * Lakshmi", "Persons 2 → 3 by Lakshmi", "Cancelled by the devotee", "Cancellation undone by
 * Lakshmi". The slots come with the page, so a move names times rather than slot numbers.
 */
export function auditSentence(
  entry: AuditEntry,
  slots: Map<number, AuditSlot>,
  t: TFunction,
): string {
  const who = whoDid(entry.actor, t);
  const before = (entry.before ?? {}) as State;
  const after = (entry.after ?? {}) as State;
  const slotOf = (state: State) =>
    typeof state.slotId === 'number' ? slots.get(state.slotId) : undefined;
  switch (entry.action) {
    case 'booking.created': {
      const slot = slotOf(after);
      return t('audit.created', {
        who,
        persons: t('audit.persons', { count: Number(after.persons ?? 1) }),
        slot: slot
          ? t('audit.slotFull', {
              seva: slot.sevaName.en,
              date: formatDate(slot.date, 'short'),
              time: formatTime(slot.time),
            })
          : t('audit.unknownSlot'),
      });
    }
    case 'booking.moved':
    case 'booking.updated': {
      const changes = changedFields(before, after, t);
      const from = slotOf(before);
      const to = slotOf(after);
      const moved =
        before.slotId !== after.slotId
          ? t('audit.moved', {
              from: slotWhen(from, from?.date === to?.date, t),
              to: slotWhen(to, from?.date === to?.date, t),
              who,
            })
          : null;
      const changed =
        changes.length > 0 ? t('audit.changed', { changes: changes.join(', '), who }) : null;
      return [moved, changed].filter(Boolean).join(' ') || t('audit.saved', { who });
    }
    case 'booking.cancelled': {
      const reason = typeof after.reason === 'string' && after.reason ? after.reason : null;
      return reason ? t('audit.cancelledWhy', { who, reason }) : t('audit.cancelled', { who });
    }
    case 'booking.restored':
      return t('audit.restored', { who });
    default:
      return t('audit.other', { action: entry.action, who });
  }
}

/** "Persons 2 → 3", "Gotra — → Bharadwaja": only what a person changed. */
function changedFields(before: State, after: State, t: TFunction): string[] {
  return Object.keys(after)
    .filter((k) => !QUIET.has(k) && JSON.stringify(after[k]) !== JSON.stringify(before[k]))
    .map(
      (k) =>
        `${FIELD_LABELS[k] ? t(FIELD_LABELS[k] as never) : k} ${show(before[k])} → ${show(after[k])}`,
    );
}
