/**
 * Files attached to tickets or to their messages. The bytes are stored once per tenant in MongoDB
 * GridFS (keyed by SHA-256); the ticket records only metadata ({@code TicketAttachmentAdded}).
 * What a file is, is decided from its bytes, not from its name: a file whose content does not
 * match what it claims to be, an executable, or an oversized file is refused and nothing is kept.
 */
package org.autocrm.ticket.attachment;
