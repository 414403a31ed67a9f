// Automation: changes routing-service makes to a ticket by itself, shown in the ticket's timeline with their reason.
export const automationEn = {
  'automation.actor': 'Automation',
  'automation.reason.rule': 'rule {id}',
  'automation.reason.roundRobin': 'round robin',
  'automation.reason.leastLoaded': 'least loaded',
  'automation.reason.slaBreach': 'SLA breach',
  'automation.reason.automation': 'automation {id}',
};
