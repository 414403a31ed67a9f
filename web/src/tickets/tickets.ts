import { api, type Schemas } from '../api/client';
import type { MessageKey } from '../i18n/messages.en';

export type Ticket = Schemas['TicketView'];
export type TicketPage = Schemas['TicketPage'];

export const STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;

/** A tenant may name its own statuses and priorities; those are shown as they are. */
export function statusKey(status: string | undefined): MessageKey | null {
  return status && (STATUSES as readonly string[]).includes(status) ? (`status.${status}` as MessageKey) : null;
}

export function priorityKey(priority: string | undefined): MessageKey | null {
  return priority && (PRIORITIES as readonly string[]).includes(priority) ? (`priority.${priority}` as MessageKey) : null;
}

/** The list API answers JSON or CSV, so its document types the JSON answer only as an object. */
export function asPage(data: unknown): TicketPage {
  const page = (data ?? {}) as TicketPage;
  return { items: page.items ?? [], total: page.total ?? 0, next: page.next ?? null };
}

export interface Entry {
  sequence: number;
  type: string;
  at: string;
  /** Who did it; an automation (role automation) also says why in `reason` (e.g. `rule:r-123`, `round_robin`). */
  by: { userId?: string; role?: string; name?: string; reason?: string | null } | null;
  data: Record<string, unknown>;
}

/** The ticket's history from the event store: who did what and when, as the caller may see it. */
export async function historyOf(ticketId: string): Promise<Entry[]> {
  const { data, error } = await api.GET('/api/tickets/{id}/history', { params: { path: { id: ticketId } } });
  if (error || !data) throw error ?? new Error('no history');
  return (data.events ?? []).map((entry) => ({
    sequence: entry.sequence ?? 0,
    type: entry.type ?? '',
    at: entry.at ?? '',
    by: (entry.by ?? null) as Entry['by'],
    // the event's own payload: its shape is the event contract's (ticket-events), not the HTTP document's
    data: (entry.data ?? {}) as Record<string, unknown>,
  }));
}

export interface Message {
  id: string;
  body: string;
  visibility: 'public' | 'internal' | 'admin_only';
  at: string;
  authorId?: string;
  authorRole?: string;
  /** the files the message references, with their names when the history tells them */
  attachments?: { id: string; fileName: string }[];
}

const MESSAGE_ADDED = /\.message_added\./;

/** The conversation as the history tells it: every message the caller may see, in order. */
export function conversationOf(entries: Entry[]): Message[] {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.type.includes('.attachment_added.') && typeof entry.data.attachmentId === 'string') {
      names.set(entry.data.attachmentId, String(entry.data.fileName ?? entry.data.attachmentId));
    }
  }
  return entries
    .filter((entry) => MESSAGE_ADDED.test(entry.type))
    .map((entry) => ({
      id: String(entry.data.messageId ?? entry.sequence),
      body: String(entry.data.body ?? ''),
      visibility: (String(entry.data.visibility ?? 'public') as Message['visibility']),
      at: entry.at,
      authorId: entry.by?.userId,
      authorRole: entry.by?.role,
      attachments: (Array.isArray(entry.data.attachmentIds) ? entry.data.attachmentIds as unknown[] : [])
        .map((id) => ({ id: String(id), fileName: names.get(String(id)) ?? String(id) })),
    }));
}

/** The conversation as GET /api/tickets/{id}/messages (or the stream) gives it, in this app's shape. */
export function messageOf(view: { messageId?: string; body?: string; visibility?: string; at?: string;
  author?: { userId?: string | null; role?: string | null } | null;
  attachments?: { attachmentId?: string; fileName?: string | null }[] | null }): Message {
  return {
    id: view.messageId ?? '',
    body: view.body ?? '',
    visibility: (view.visibility ?? 'public') as Message['visibility'],
    at: view.at ?? '',
    authorId: view.author?.userId ?? undefined,
    authorRole: view.author?.role ?? undefined,
    attachments: (view.attachments ?? []).map((file) => ({ id: file.attachmentId ?? '', fileName: file.fileName ?? '' })),
  };
}

/** The files sent with the ticket itself (at submission), not with one of its messages. */
export function ticketFilesOf(attachments: { attachmentId?: string; fileName?: string | null; messageId?: string | null }[] | undefined):
  { id: string; fileName: string }[] {
  return (attachments ?? []).filter((file) => file.attachmentId && !file.messageId)
    .map((file) => ({ id: file.attachmentId ?? '', fileName: file.fileName ?? file.attachmentId ?? '' }));
}

/** Uploads files to a ticket one after the other; the names of those refused. */
export async function uploadTo(ticketId: string, files: File[]): Promise<string[]> {
  const refused: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    const { data } = await api.POST('/api/tickets/{id}/attachments', {
      params: { path: { id: ticketId } },
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }).catch(() => ({ data: undefined }));
    if (!data?.attachmentId) refused.push(file.name);
  }
  return refused;
}

/** The conversation with messages added (by the stream) that it does not hold yet, oldest first. */
export function withMessages(conversation: Message[], added: Message[]): Message[] {
  const known = new Set(conversation.map((message) => message.id));
  const fresh = added.filter((message) => message.id && !known.has(message.id));
  return fresh.length ? [...conversation, ...fresh].sort((a, b) => a.at.localeCompare(b.at)) : conversation;
}

/** Subject and description as the ticket was opened: shown while the read side has not caught up yet. */
export function openedAs(entries: Entry[] | null): { subject?: string; description?: string; createdAt?: string } {
  const created = entries?.find((entry) => entry.type.includes('.created.'));
  if (!created) return {};
  return {
    subject: typeof created.data.subject === 'string' ? created.data.subject : undefined,
    description: typeof created.data.description === 'string' ? created.data.description : undefined,
    createdAt: created.at,
  };
}
