import { useMemo } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { isRich, sanitize } from './richText';

/** A message's body: plain text as text, rich text only after sanitising (never the raw HTML). */
export function MessageBody({ body }: { body: string }) {
  const clean = useMemo(() => (isRich(body) ? sanitize(body) : null), [body]);
  if (clean === null) return <div className="body">{body}</div>;
  return <div className="body rich" dangerouslySetInnerHTML={{ __html: clean }} />;
}

/**
 * The files a message references. Downloads go through the API with the in-memory token (a plain link would
 * carry none), then are handed to the browser as a file.
 */
export function AttachmentList({ ticketId, attachments }: { ticketId: string; attachments: { id: string; fileName: string }[] }) {
  const { t } = useI18n();
  const download = async (id: string, fileName: string) => {
    const { data } = await api.GET('/api/tickets/{id}/attachments/{attachmentId}',
      { params: { path: { id: ticketId, attachmentId: id } }, parseAs: 'blob' });
    if (!data) return;
    const url = URL.createObjectURL(data as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <ul className="attachments" aria-label={t('composer.attachments')}>
      {attachments.map((a) => (
        <li key={a.id} data-testid="attachment">
          <button type="button" className="link-button" aria-label={t('composer.download', { name: a.fileName })}
            onClick={() => void download(a.id, a.fileName)}>{a.fileName}</button>
        </li>
      ))}
    </ul>
  );
}
