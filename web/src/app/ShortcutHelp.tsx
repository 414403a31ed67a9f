import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { useShortcuts } from '../nav/shortcuts';

const KEYS: [string, MessageKey][] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['Enter', 'shortcuts.open'],
  ['x', 'shortcuts.select'],
  ['/', 'shortcuts.search'],
  ['r', 'shortcuts.reply'],
  ['n', 'shortcuts.note'],
  ['a', 'shortcuts.assign'],
  ['?', 'shortcuts.help'],
];

/** "?" lists the workspace's keyboard shortcuts; Escape or the button closes the list. */
export function ShortcutHelp() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useShortcuts({ '?': () => setOpen((was) => !was), Escape: () => setOpen(false) });
  if (!open) return null;
  return (
    <div className="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <dl>
        {KEYS.map(([key, label]) => (
          <div key={key} className="row">
            <dt><kbd>{key}</kbd></dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" autoFocus onClick={() => setOpen(false)}>{t('common.close')}</button>
    </div>
  );
}
