import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { staffDirectory } from '../tickets/staff';
import { MacroPreview, type MacroPlan } from './MacroPreview';
import { hasActions, type MacroActions } from './macros';
import { mentionQuery, mentionsIn, suggest, type Person } from './mentions';
import { bodyOf, isBlank, isRich, sanitize } from './richText';

export type Mode = 'public' | 'internal';

/** A request from a keyboard shortcut to start writing in this mode; {@code n} tells repeated requests apart. */
export interface Focus {
  mode: Mode;
  n: number;
}

/** What goes with a message besides its body. */
export interface Extras {
  attachmentIds: string[];
  mentions: string[];
}

interface Upload {
  key: string;
  fileName: string;
  attachmentId?: string;
  error?: string;
}

interface Canned {
  id: string;
  title: string;
  body: string;
  actions?: MacroActions | null;
}

/**
 * How the ticket page previews and applies a macro (a canned response with actions): preview answers the plan or
 * a reason it cannot; apply answers whether it was applied (a conflict is the page's to show).
 */
export interface MacroHooks {
  preview: (cannedId: string) => Promise<{ plan?: MacroPlan; error?: string }>;
  apply: (cannedId: string, title: string) => Promise<boolean>;
  nameOf?: (id: string) => string | undefined;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** Puts the caret at the end of the editor unless it is already inside it. */
function caretInto(editor: HTMLElement) {
  const selection = window.getSelection();
  if (!selection) return;
  if (selection.rangeCount && editor.contains(selection.getRangeAt(0).commonAncestorContainer)) return;
  const range = document.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Inserts sanitised HTML at the caret (without execCommand where the browser lacks it, e.g. in tests). */
function insertHtml(editor: HTMLElement, html: string) {
  editor.focus();
  caretInto(editor);
  const clean = sanitize(html);
  if (typeof document.execCommand === 'function' && document.execCommand('insertHTML', false, clean)) return;
  const selection = window.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  const fragment = document.createRange().createContextualFragment(clean);
  if (range) {
    range.deleteContents();
    range.insertNode(fragment);
    range.collapse(false);
  } else editor.appendChild(fragment);
}

/**
 * A reply box with rich text (bold, italic, lists, links), @mentions of colleagues, canned responses and
 * attachments (picker or drag and drop). Staff switch between a public reply and an internal note. What it
 * sends is sanitised; it returns whether the message was sent.
 */
export function Composer({ staff, busy, onSend, focus, ticketId, macros }: { staff?: boolean; busy: boolean;
  onSend: (body: string, visibility: Mode, extras: Extras) => Promise<boolean>; focus?: Focus; ticketId?: string;
  macros?: MacroHooks }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('public');
  const [empty, setEmpty] = useState(true);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [canned, setCanned] = useState<Canned[]>([]);
  const [mention, setMention] = useState<{ query: string; active: number } | null>(null);
  const [macro, setMacro] = useState<{ id: string; title: string; plan: MacroPlan | null; error: string | null } | null>(null);
  const [dragging, setDragging] = useState(false);
  const editor = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focus) return;
    setMode(focus.mode);
    editor.current?.focus();
  }, [focus]);

  useEffect(() => {
    if (!staff) return;
    let live = true;
    // colleagues from the staff directory (every member of staff may read it)
    void staffDirectory().then((staffMembers) => {
      if (!live) return;
      setPeople(staffMembers.map((member) => ({ id: member.id, name: member.name, email: member.email })));
    });
    void api.GET('/api/tickets/canned-responses').then(({ data }) => {
      if (!live) return;
      setCanned((data?.cannedResponses ?? []).map((c) => ({ id: c.cannedResponseId ?? '', title: c.title ?? '', body: c.body ?? '',
        actions: c.actions })));
    }).catch(() => undefined);
    return () => { live = false; };
  }, [staff]);

  const suggestions = mention ? suggest(people, mention.query) : [];

  const changed = () => {
    const box = editor.current;
    if (!box) return;
    setEmpty(isBlank(box.innerHTML));
    const selection = window.getSelection();
    const node = selection?.rangeCount ? selection.getRangeAt(0).startContainer : null;
    if (node && node.nodeType === Node.TEXT_NODE && box.contains(node)) {
      const query = mentionQuery((node.textContent ?? '').slice(0, selection!.getRangeAt(0).startOffset));
      setMention(query === null ? null : { query, active: 0 });
    } else setMention(null);
  };

  const pickMention = (person: Person) => {
    const box = editor.current;
    const selection = window.getSelection();
    if (!box || !selection?.rangeCount || !mention) return;
    const range = selection.getRangeAt(0);
    const node = range.startContainer;
    // select the typed "@query" so the mention replaces it
    const start = range.startOffset - mention.query.length - 1;
    if (node.nodeType === Node.TEXT_NODE && start >= 0) {
      const typed = document.createRange();
      typed.setStart(node, start);
      typed.setEnd(node, range.startOffset);
      selection.removeAllRanges();
      selection.addRange(typed);
    }
    insertHtml(box, `<span data-mention="${escapeHtml(person.id)}">@${escapeHtml(person.name)}</span>&nbsp;`);
    setMention(null);
    changed();
  };

  const keys = (event: KeyboardEvent) => {
    if (!mention || suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setMention({ ...mention, active: (mention.active + step + suggestions.length) % suggestions.length });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const chosen = suggestions[mention.active] ?? suggestions[0];
      if (chosen) pickMention(chosen);
    } else if (event.key === 'Escape') {
      setMention(null);
    }
  };

  const format = (command: 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'createLink') => {
    const box = editor.current;
    if (!box) return;
    box.focus();
    if (command === 'createLink') {
      const url = window.prompt(t('composer.linkPrompt'), 'https://');
      if (!url || !/^(https?:|mailto:)/i.test(url.trim())) return;
      const selection = window.getSelection();
      if (selection && selection.isCollapsed) insertHtml(box, `<a href="${escapeHtml(url.trim())}">${escapeHtml(url.trim())}</a>`);
      else document.execCommand?.('createLink', false, url.trim());
    } else document.execCommand?.(command);
    changed();
  };

  const insertCanned = (id: string) => {
    const chosen = canned.find((c) => c.id === id);
    if (!chosen || !editor.current) return;
    insertHtml(editor.current, isRich(chosen.body) ? chosen.body : escapeHtml(chosen.body));
    changed();
  };

  const previewMacro = (id: string) => {
    const chosen = canned.find((c) => c.id === id);
    if (!chosen || !macros) return;
    setMacro({ id, title: chosen.title, plan: null, error: null });
    void macros.preview(id).then(({ plan, error }) => setMacro((open) => (open?.id !== id ? open
      : { ...open, plan: plan ?? null, error: error ?? null })));
  };
  const applyMacro = async () => {
    if (!macro || !macros) return;
    const { id, title } = macro;
    setMacro(null);
    await macros.apply(id, title);
  };
  const macroChoices = canned.filter((c) => hasActions(c.actions));

  const attach = (files: FileList | File[] | null) => {
    if (!files || !ticketId) return;
    for (const file of Array.from(files)) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setUploads((list) => [...list, { key, fileName: file.name }]);
      const form = new FormData();
      form.append('file', file, file.name);
      void api.POST('/api/tickets/{id}/attachments', {
        params: { path: { id: ticketId } },
        body: form as unknown as { file: string },
        bodySerializer: (body) => body as unknown as FormData,
      }).then(({ data, error }) => {
        setUploads((list) => list.map((u) => (u.key !== key ? u
          : data?.attachmentId ? { ...u, attachmentId: data.attachmentId } : { ...u, error: reason(error, t('composer.uploadFailed')) })));
      }).catch(() => setUploads((list) => list.map((u) => (u.key === key ? { ...u, error: t('composer.uploadFailed') } : u))));
    }
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    attach(event.dataTransfer?.files ?? null);
  };

  const uploading = uploads.some((u) => !u.attachmentId && !u.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const box = editor.current;
    if (!box || isBlank(box.innerHTML) || uploading) return;
    const body = bodyOf(box.innerHTML, box.innerText ?? box.textContent ?? '');
    const extras: Extras = {
      attachmentIds: uploads.flatMap((u) => (u.attachmentId ? [u.attachmentId] : [])),
      mentions: mentionsIn(box.innerHTML),
    };
    if (await onSend(body, mode, extras)) {
      box.innerHTML = '';
      setEmpty(true);
      setUploads([]);
    }
  };

  const label: MessageKey = staff ? (mode === 'public' ? 'ticket.publicReply' : 'ticket.internalNote') : 'portal.yourReply';
  const placeholder = t(!staff ? 'portal.replyPlaceholder' : mode === 'public' ? 'ticket.replyPlaceholder' : 'ticket.notePlaceholder');
  const tool = (command: Parameters<typeof format>[0], key: MessageKey, text: string) => (
    <button type="button" className="button small" title={t(key)} aria-label={t(key)}
      onMouseDown={(e) => e.preventDefault()} onClick={() => format(command)}><span className="glyph" aria-hidden="true" data-glyph={text} /></button>
  );
  return (
    <form className={`composer ${mode}${dragging ? ' dragging' : ''}`} onSubmit={submit}
      onDragOver={(e) => { if (ticketId) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={() => setDragging(false)} onDrop={drop} data-testid="composer">
      {staff && (
        <div className="segmented" role="group" aria-label={t('ticket.reply')}>
          <button type="button" aria-pressed={mode === 'public'} onClick={() => setMode('public')}>{t('ticket.reply')}</button>
          <button type="button" aria-pressed={mode === 'internal'} onClick={() => setMode('internal')}>{t('ticket.note')}</button>
        </div>
      )}
      <div className="row toolbar" role="toolbar" aria-label={t('composer.formatting')}>
        {tool('bold', 'composer.bold', 'B')}
        {tool('italic', 'composer.italic', 'I')}
        {tool('insertUnorderedList', 'composer.bullets', '•')}
        {tool('insertOrderedList', 'composer.numbers', '1.')}
        {tool('createLink', 'composer.link', '↗')}
        {staff && canned.length > 0 && (
          <select aria-label={t('composer.canned')} value="" onChange={(e) => insertCanned(e.target.value)}>
            <option value="">{t('composer.canned')}</option>
            {canned.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        )}
        {staff && macros && macroChoices.length > 0 && (
          <select aria-label={t('macro.apply')} value="" disabled={busy} data-testid="macro-select"
            onChange={(e) => previewMacro(e.target.value)}>
            <option value="">{t('macro.apply')}</option>
            {macroChoices.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        )}
      </div>
      {macro && (
        <MacroPreview title={macro.title} plan={macro.plan} error={macro.error} busy={busy} nameOf={macros?.nameOf}
          onApply={() => void applyMacro()} onCancel={() => setMacro(null)} />
      )}
      <div className="editor-wrap">
        <div id="composer-body" ref={editor} className={`editor${empty ? ' empty' : ''}`} contentEditable
          suppressContentEditableWarning role="textbox" aria-multiline="true" aria-label={t(label)}
          data-placeholder={placeholder} tabIndex={0} onInput={changed} onKeyUp={changed} onKeyDown={keys}
          aria-autocomplete="list" aria-controls={suggestions.length ? 'mention-list' : undefined}
          aria-activedescendant={suggestions.length && mention ? `mention-${mention.active}` : undefined} />
        {suggestions.length > 0 && mention && (
          <ul id="mention-list" role="listbox" className="mentions" aria-label={t('composer.mention')}>
            {suggestions.map((person, index) => (
              <li key={person.id} id={`mention-${index}`} role="option" aria-selected={index === mention.active}
                onMouseDown={(e) => { e.preventDefault(); pickMention(person); }}>
                {person.name}{person.email ? <span className="muted"> {person.email}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {uploads.length > 0 && (
        <ul className="attachments" aria-label={t('composer.attachments')}>
          {uploads.map((u) => (
            <li key={u.key} data-testid="upload">
              {u.fileName} {u.error ? <span className="error">{u.error}</span> : !u.attachmentId ? <span className="muted">{t('composer.uploading')}</span> : null}
              <button type="button" className="button small" aria-label={t('composer.remove', { name: u.fileName })}
                onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {ticketId && (
          <>
            <input ref={picker} id="composer-files" className="visually-hidden" type="file" multiple
              onChange={(e) => { attach(e.target.files); e.target.value = ''; }} />
            <label htmlFor="composer-files" className="button small">{t('composer.attach')}</label>
            <span className="muted hint">{t('composer.dropHint')}</span>
          </>
        )}
        <span className="spacer" />
        <button type="submit" className="button primary" disabled={busy || empty || uploading}>
          {busy ? t('ticket.sending') : !staff ? t('portal.send') : mode === 'public' ? t('ticket.sendReply') : t('ticket.addNote')}
        </button>
      </div>
    </form>
  );
}
