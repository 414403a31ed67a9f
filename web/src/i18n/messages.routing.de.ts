import type { routingEn } from './messages.routing.en';

// Routing-Einstellungen: die eigene Verfügbarkeit, SLA-Kalender und -Richtlinien, Gruppenzuweisung und Agenten.
export const routingDe: Record<keyof typeof routingEn, string> = {
  'availability.label': 'Meine Verfügbarkeit',
  'availability.available': 'Verfügbar',
  'availability.away': 'Abwesend',
  'availability.offline': 'Offline',
  'availability.failed': 'Ihre Verfügbarkeit konnte nicht geändert werden.',
  'availability.conflict': 'Ihre Verfügbarkeit wurde inzwischen anderswo geändert; angezeigt ist jetzt der gespeicherte Stand. Bitte erneut wählen.',
} as const;
