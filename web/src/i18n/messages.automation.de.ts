import type { automationEn } from './messages.automation.en';

// Automatisierung: Änderungen, die routing-service selbst an einem Ticket vornimmt, im Verlauf mit ihrem Grund.
export const automationDe: Record<keyof typeof automationEn, string> = {
  'automation.actor': 'Automatisierung',
  'automation.reason.rule': 'Regel {id}',
  'automation.reason.roundRobin': 'Rundlauf-Verteilung',
  'automation.reason.leastLoaded': 'geringste Auslastung',
  'automation.reason.slaBreach': 'SLA-Verletzung',
  'automation.reason.automation': 'Automatisierung {id}',
};
