import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { MessageBody } from './MessageBody';
import { describeChange, type MacroChange } from './macros';

/** What applying a macro would do, as ticket-service previewed it. */
export interface MacroPlan {
  body?: string;
  visibility?: string;
  changes?: MacroChange[];
}

/**
 * Asks before a macro changes the ticket: the reply or note it posts, placeholders filled in, and each change it
 * makes; Apply or Cancel. The focus starts on Apply; Escape cancels.
 */
export function MacroPreview({ title, plan, error, busy, onApply, onCancel, nameOf }: { title: string;
  plan: MacroPlan | null; error: string | null; busy: boolean; onApply: () => void; onCancel: () => void;
  nameOf?: (id: string) => string | undefined }) {
  const { t } = useI18n();
  const apply = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (plan) apply.current?.focus();
  }, [plan]);
  const changes = plan?.changes ?? [];
  return (
    <div className="dialog macro-preview" role="dialog" aria-modal="true" aria-labelledby="macro-title"
      data-testid="macro-preview" onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <h2 id="macro-title">{t('macro.previewTitle', { title })}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {!plan && !error && <p className="muted">{t('macro.previewLoading')}</p>}
      {plan && (
        <>
          <h3>{plan.visibility === 'internal' ? t('macro.note') : t('macro.reply')}</h3>
          <div className={`message ${plan.visibility === 'internal' ? 'internal' : 'public'}`} data-testid="macro-body">
            <MessageBody body={plan.body ?? ''} />
          </div>
          <h3>{t('macro.changes')}</h3>
          {changes.length === 0 ? <p className="muted">{t('macro.noChanges')}</p> : (
            <ul data-testid="macro-changes">
              {changes.map((change, index) => <li key={index}>{describeChange(change, t, nameOf)}</li>)}
            </ul>
          )}
        </>
      )}
      <div className="row">
        <button ref={apply} type="button" className="button primary" disabled={!plan || busy} onClick={onApply}>
          {t('macro.applyButton')}</button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}
