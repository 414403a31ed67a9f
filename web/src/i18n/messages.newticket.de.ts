import type { newTicketEn } from './messages.newticket.en';

// Ein Agent legt ein Ticket für einen Kunden an (der angerufen oder geschrieben hat), auf Deutsch.
export const newTicketDe: Record<keyof typeof newTicketEn, string> = {
  'newTicket.title': 'Neues Ticket',
  'newTicket.customer': 'Kunde',
  'newTicket.findCustomer': 'Kunden nach Name, E-Mail oder Firma suchen',
  'newTicket.noMatch': 'Kein Kunde gefunden. Legen Sie unten einen an.',
  'newTicket.chosen': 'Für {name}',
  'newTicket.change': 'Anderen wählen',
  'newTicket.newCustomer': 'Neuer Kunde',
  'newTicket.customerName': 'Name',
  'newTicket.customerEmail': 'E-Mail',
  'newTicket.customerCompany': 'Firma',
  'newTicket.createCustomer': 'Kunden anlegen',
  'newTicket.customerCreated': 'Kunde {name} angelegt',
  'newTicket.channel': 'Eingegangen per',
  'newTicket.channel.phone': 'Telefon',
  'newTicket.channel.email': 'E-Mail',
  'newTicket.channel.chat': 'Chat',
  'newTicket.chooseCustomer': 'Wählen oder legen Sie zuerst den Kunden an.',
  'newTicket.open': 'Ticket anlegen',
  'newTicket.busy': 'Wird angelegt…',
};
