// A ticket's SLA badge: what the query-service says about its running targets ({policyId, policyName, metric,
// dueAt, status}), put in words that stay true as time passes (the badge ticks, the status is the server's).
import type { MessageKey } from '../i18n/messages.en';

export const SLA_STATUSES = ['breached', 'at_risk', 'on_track', 'paused', 'met'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export interface Sla {
  policyId?: string;
  policyName?: string | null;
  metric?: string | null;
  dueAt?: string | null;
  status?: string;
}

/** The SLA the query-service puts on a ticket for staff (null without a policy). */
export function slaOf(ticket: unknown): Sla | null {
  const sla = (ticket as { sla?: Sla | null } | null)?.sla;
  return sla && typeof sla === 'object' ? sla : null;
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function isSlaStatus(value: string | undefined | null): value is SlaStatus {
  return !!value && (SLA_STATUSES as readonly string[]).includes(value);
}

/** "42 min", "3 h 5 min", "2 d 4 h": whole minutes, never "0 min" (under a minute counts as one). */
export function slaDuration(millis: number, t: Translate): string {
  const minutes = Math.max(1, Math.floor(Math.abs(millis) / 60_000));
  if (minutes < 60) return t('sla.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? t('sla.hours', { h: hours }) : t('sla.hoursMinutes', { h: hours, m: minutes % 60 });
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? t('sla.days', { d: days }) : t('sla.daysHours', { d: days, h: hours % 24 });
}

/**
 * The badge's words at `now`. A target the server still calls on track or at risk whose due time has passed
 * meanwhile reads as overdue (the next answer will say breached); a breach without a due time just says breached.
 */
export function slaText(sla: Sla, now: number, t: Translate): string {
  const due = sla.dueAt ? Date.parse(sla.dueAt) : Number.NaN;
  const left = Number.isNaN(due) ? null : due - now;
  switch (sla.status) {
    case 'met':
      return t('sla.met');
    case 'paused':
      return t('sla.paused');
    case 'breached':
      return left !== null && left <= 0 ? t('sla.breachedAgo', { time: slaDuration(left, t) }) : t('sla.breached');
    case 'at_risk':
      if (left === null) return t('sla.atRiskPlain');
      return left > 0 ? t('sla.atRisk', { time: slaDuration(left, t) }) : t('sla.overdue', { time: slaDuration(left, t) });
    case 'on_track':
      if (left === null) return t('sla.onTrack');
      return left > 0 ? t('sla.dueIn', { time: slaDuration(left, t) }) : t('sla.overdue', { time: slaDuration(left, t) });
    default:
      return sla.status ?? '';
  }
}

/** The look of the badge: a status the server has not yet caught up on (overdue) looks breached. */
export function slaTone(sla: Sla, now: number): SlaStatus | 'unknown' {
  if (!isSlaStatus(sla.status)) return 'unknown';
  if ((sla.status === 'on_track' || sla.status === 'at_risk') && sla.dueAt && Date.parse(sla.dueAt) <= now) return 'breached';
  return sla.status;
}

/** The tooltip: the policy and which target the time is about, and when it is due. */
export function slaTitle(sla: Sla, t: Translate, dateTime: (iso: string) => string): string {
  const metric = sla.metric && ['first_response', 'next_response', 'resolution'].includes(sla.metric)
    ? t(`sla.metric.${sla.metric}` as MessageKey) : sla.metric ?? '';
  const parts = [sla.policyName || sla.policyId || '', metric, sla.dueAt ? t('sla.dueAt', { time: dateTime(sla.dueAt) }) : '']
    .filter(Boolean);
  return t('sla.title', { details: parts.join(' · ') });
}
