import type { composerEn } from './messages.composer.en';

export const composerDe: Record<keyof typeof composerEn, string> = {
  'composer.formatting': 'Formatierung',
  'composer.bold': 'Fett',
  'composer.italic': 'Kursiv',
  'composer.bullets': 'Aufzählung',
  'composer.numbers': 'Nummerierte Liste',
  'composer.link': 'Link',
  'composer.linkPrompt': 'Linkadresse (https://…)',
  'composer.canned': 'Textbaustein einfügen',
  'composer.mention': 'Kollegin oder Kollegen erwähnen',
  'composer.attachments': 'Anhänge',
  'composer.attach': 'Dateien anhängen',
  'composer.dropHint': 'oder hier ablegen',
  'composer.uploading': 'wird hochgeladen…',
  'composer.uploadFailed': 'Hochladen fehlgeschlagen',
  'composer.remove': '{name} entfernen',
  'composer.download': '{name} herunterladen',
};
