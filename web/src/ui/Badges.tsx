import { useI18n } from '../i18n/i18n';
import { priorityKey, statusKey } from '../tickets/tickets';

export function StatusBadge({ status, label }: { status?: string; label?: string | null }) {
  const { t } = useI18n();
  const key = statusKey(status);
  return <span className={`badge status-${status ?? ''}`}>{label || (key ? t(key) : status)}</span>;
}

export function PriorityBadge({ priority }: { priority?: string }) {
  const { t } = useI18n();
  const key = priorityKey(priority);
  return <span className={`badge priority-${priority ?? ''}`}>{key ? t(key) : priority}</span>;
}
