import { useCallback, useEffect, useState } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { AGENT_STATUSES, ifMatch, settingsOf, type AgentProfile, type AgentStatus } from './agentSettings';

/**
 * The signed-in agent's (or team lead's) own availability in the workspace header: available, away or offline
 * (routing-service `GET`/`PUT /api/routing/agents/me`). Becoming available is what lets assignment offer tickets.
 */
export function AvailabilitySwitch() {
  const { t } = useI18n();
  const [profile, setProfile] = useState<AgentProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(async () => {
    const { data, error: refused } = await api.GET('/api/routing/agents/me');
    if (refused || !data) setError(reason(refused, t('availability.failed')));
    else setProfile(data);
  }, [t]);
  useEffect(() => { void read(); }, [read]);

  const change = async (status: AgentStatus) => {
    if (!profile) return;
    setBusy(true);
    setError(null);
    const { data, error: refused } = await api.PUT('/api/routing/agents/me', {
      params: { header: ifMatch(profile.version) }, body: settingsOf(profile, { status }),
    });
    setBusy(false);
    if (data) {
      setProfile(data);
      return;
    }
    const conflict = (refused as { status?: number } | undefined)?.status === 409;
    setError(conflict ? t('availability.conflict') : reason(refused, t('availability.failed')));
    // show what is stored now, so the switch never claims a status that was not saved
    await read();
  };

  const status = profile?.status ?? 'offline';
  return (
    <span className="availability" data-testid="availability">
      <span className={`availability-dot ${status}`} aria-hidden="true" />
      <label htmlFor="availability-status" className="visually-hidden">{t('availability.label')}</label>
      <select id="availability-status" value={status} disabled={!profile || busy}
        title={t('availability.label')} onChange={(e) => void change(e.target.value as AgentStatus)}>
        {AGENT_STATUSES.map((each) => <option key={each} value={each}>{t(`availability.${each}`)}</option>)}
      </select>
      {error && <span className="availability-error" role="alert">{error}</span>}
    </span>
  );
}
