import { useState } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** After resolution a customer rates the help they got, once: one to five stars and a comment. */
export function Rating({ ticketId, rated, onRated }: { ticketId: string; rated?: number | null; onRated: () => void }) {
  const { t } = useI18n();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (rated) return <p className="notice" data-testid="rated">{t('rating.thanks', { score: rated })}</p>;
  const send = async () => {
    setBusy(true);
    setError(null);
    const { error: refused } = await api.POST('/api/tickets/{id}/rating', { params: { path: { id: ticketId } },
      body: { scale: 'five_point', score, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
    setBusy(false);
    if (refused) setError(reason(refused, t('common.failed')));
    else onRated();
  };
  return (
    <div className="card rating">
      <h2>{t('rating.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="stars" role="radiogroup" aria-label={t('rating.title')}>
        {[1, 2, 3, 4, 5].map((value) => (
          <button key={value} type="button" role="radio" aria-checked={score === value}
            aria-label={t('rating.stars', { score: value })} className={value <= score ? 'star on' : 'star'}
            onClick={() => setScore(value)}>★</button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="rating-comment">{t('rating.comment')}</label>
        <textarea id="rating-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button type="button" className="button primary" disabled={busy || score === 0} onClick={() => void send()}>
        {t('rating.send')}
      </button>
    </div>
  );
}
