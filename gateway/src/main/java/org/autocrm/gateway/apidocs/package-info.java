/**
 * One OpenAPI document for the whole platform ({@code GET /v3/api-docs}), merged from every service's
 * own {@code /v3/api-docs} and the gateway's own endpoints, and one docs page (Swagger UI at
 * {@code /swagger-ui.html}, with a per-service choice). A service that is down is left out and named
 * in the document's description; it never fails the whole document.
 */
package org.autocrm.gateway.apidocs;
