/**
 * The OAuth 2 client-credentials grant ({@code POST /oauth2/token}) for AutoCRM's own components: routing-service
 * proves itself with {@code autocrm.identity.automation.client-id}/{@code client-secret} and gets, per tenant, a
 * 5-minute token naming role {@code automation} (docs/access-tokens.md). The authentication filter takes such a token
 * without a session or account behind it.
 */
package org.autocrm.identity.clientcredentials;
