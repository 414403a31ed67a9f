// Routing settings: the agent's own availability switch, the SLA calendars and policies, group assignment and agents.
export const routingEn = {
  'availability.label': 'My availability',
  'availability.available': 'Available',
  'availability.away': 'Away',
  'availability.offline': 'Offline',
  'availability.failed': 'Your availability could not be changed.',
  'availability.conflict': 'Your availability was changed elsewhere meanwhile; it now shows what is stored. Choose again.',
} as const;
