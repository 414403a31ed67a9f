/**
 * The browser application (module {@code web}) served from the gateway's own origin: the sign-in page at
 * {@code /}, the agent workspace under {@code /app}, the customer portal under {@code /portal} and the admin
 * console under {@code /admin}, each answering its deep links with its page; the hashed bundles under
 * {@code /assets}.
 */
package org.autocrm.gateway.web;
