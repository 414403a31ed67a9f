import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { slaText, slaTitle, slaTone, type Sla } from '../tickets/sla';

/** The current time, updated every `everyMs` (a minute by default): enough for "due in 42 min". */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * A ticket's SLA as words ("Due in 42 min", "Breached 20 min ago") with a colour by status; the words carry the
 * meaning, the colour only helps. The policy and the target are in the title. Nothing without an SLA.
 */
export function SlaBadge({ sla, now }: { sla: Sla | null | undefined; now?: number }) {
  const { t, dateTime } = useI18n();
  const ticking = useNow();
  if (!sla || !sla.status) return null;
  const at = now ?? ticking;
  const title = slaTitle(sla, t, dateTime);
  return (
    <span className={`badge sla sla-${slaTone(sla, at)}`} title={title} data-testid="sla-badge">
      <span className="visually-hidden">{t('sla.label')}: </span>{slaText(sla, at, t)}
    </span>
  );
}
