import { useI18n } from '../i18n/i18n';
import type { Present } from './presence';

/** Who else is on the open ticket, announced politely to screen readers as it changes. */
export function PresenceBar({ others }: { others: Present[] }) {
  const { t } = useI18n();
  return (
    <div className="presence" role="status" aria-live="polite" aria-label={t('presence.label')} data-testid="presence">
      {others.map((person) => {
        const name = person.name || t('presence.someone');
        return (
          <span key={person.userId} className={`presence-chip ${person.state}`} data-testid={`presence-${person.state}`}>
            {t(person.state === 'typing' ? 'presence.typing' : 'presence.viewing', { name })}
          </span>
        );
      })}
    </div>
  );
}
