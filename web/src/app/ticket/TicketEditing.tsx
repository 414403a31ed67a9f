import { useEffect, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { roleOf, type Me } from '../../session/useMe';
import { groupsOf, useStaff } from '../../tickets/staff';
import type { Ticket } from '../../tickets/tickets';

type Write = (headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Tags as typed: comma-separated, trimmed, without blanks or repeats. */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * Category, tags, assignment to an agent or a group (team leads and admins) and escalation. Every change
 * goes through the ticket page's act(), so it carries the version and meets the conflict dialog when stale.
 */
export function TicketEditing({ me, ticket, busy, act }: { me: Me; ticket: Ticket; busy: boolean;
  act: (write: Write, mine: string) => void }) {
  const { t } = useI18n();
  const [categories, setCategories] = useState<Schemas['CategoryView'][]>([]);
  const [categoryId, setCategoryId] = useState(ticket.categoryId ?? '');
  const [tags, setTags] = useState((ticket.tags ?? []).join(', '));
  const [group, setGroup] = useState('');
  const [agent, setAgent] = useState('');
  const lead = roleOf(me) !== 'agent';
  const staff = useStaff(lead);
  const groups = groupsOf(staff, me.groups ?? []);
  const [reasonText, setReasonText] = useState('');
  useEffect(() => {
    void api.GET('/api/tickets/categories', {}).then(({ data }) =>
      setCategories((data?.categories ?? []).filter((category) => !category.archived)));
  }, []);
  useEffect(() => {
    setCategoryId(ticket.categoryId ?? '');
    setTags((ticket.tags ?? []).join(', '));
  }, [ticket.categoryId, ticket.tags]);

  const path = { params: { path: { id: ticket.ticketId ?? '' } } };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = { tags: tagsOf(tags), ...(categoryId ? { categoryId } : {}) };
    act((headers) => api.PUT('/api/tickets/{id}', { ...path, headers, body }), t('edit.saved'));
  };
  const assignGroup = () => group && act((headers) => api.PUT('/api/tickets/{id}/assign',
    { ...path, headers, body: { groupId: group } }), t('edit.assignGroup'));
  const escalate = (event: FormEvent) => {
    event.preventDefault();
    act((headers) => api.POST('/api/tickets/{id}/escalate', { ...path, headers, body: { reason: reasonText.trim() } }),
      t('edit.escalate'));
    setReasonText('');
  };
  const assignAgent = () => {
    const colleague = staff.find((member) => member.id === agent);
    if (colleague) {
      act((headers) => api.PUT('/api/tickets/{id}/assign', { ...path, headers, body: { agentId: colleague.id } }),
        t('edit.assignedAgent', { name: colleague.name }));
    }
  };
  return (
    <div className="card">
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor="edit-category">{t('ticket.category')}</label>
          <select id="edit-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('common.none')}</option>
            {categories.map((category) => <option key={category.categoryId} value={category.categoryId}>{category.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="edit-tags">{t('ticket.tags')}</label>
          <input id="edit-tags" value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby="edit-tags-hint" />
          <span id="edit-tags-hint" className="hint">{t('edit.tagsHint')}</span>
        </div>
        <button type="submit" className="button small" disabled={busy}>{t('common.save')}</button>
      </form>
      {lead && staff.length > 0 && (
        <div className="field">
          <label htmlFor="edit-agent">{t('edit.assignAgent')}</label>
          <div className="row">
            <select id="edit-agent" value={agent} onChange={(e) => setAgent(e.target.value)}>
              <option value="">{t('common.none')}</option>
              {staff.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
            </select>
            <button type="button" className="button small" disabled={busy || !agent} onClick={assignAgent}>{t('ticket.apply')}</button>
          </div>
        </div>
      )}
      {lead && groups.length > 0 && (
        <div className="field">
          <label htmlFor="edit-group">{t('edit.assignGroup')}</label>
          <div className="row">
            <select id="edit-group" value={group} onChange={(e) => setGroup(e.target.value)}>
              <option value="">{t('common.none')}</option>
              {groups.map((id) => <option key={id} value={id}>{id}</option>)}
            </select>
            <button type="button" className="button small" disabled={busy || !group} onClick={assignGroup}>{t('ticket.apply')}</button>
          </div>
        </div>
      )}
      <form onSubmit={escalate}>
        <div className="field">
          <label htmlFor="edit-escalate">{t('edit.escalateReason')}</label>
          <textarea id="edit-escalate" className="short" required value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
        </div>
        <button type="submit" className="button small" disabled={busy || !reasonText.trim()}>{t('edit.escalate')}</button>
      </form>
    </div>
  );
}
