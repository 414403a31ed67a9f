/**
 * The public edge of the gateway: what every request goes through before and after it reaches a
 * service. In the order a request meets them:
 * <ol>
 * <li>{@link org.autocrm.gateway.edge.RequestIdFilter} gives it an id (and W3C trace context comes
 * from Micrometer Tracing);</li>
 * <li>{@link org.autocrm.gateway.edge.SecurityHeadersFilter} and
 * {@link org.autocrm.gateway.edge.AccessLogFilter} wrap the response;</li>
 * <li>{@link org.autocrm.gateway.edge.CrossOriginFilter} answers preflights and refuses unknown
 * origins;</li>
 * <li>{@link org.autocrm.gateway.edge.RequestSizeFilter} refuses bodies that are too large;</li>
 * <li>(identity's authentication filter, order {@code HIGHEST_PRECEDENCE + 100}, names the caller)</li>
 * <li>{@link org.autocrm.gateway.edge.RateLimitFilter} counts the request against its caller;</li>
 * <li>for routed requests: {@link org.autocrm.gateway.edge.JsonContentTypeFilter},
 * {@link org.autocrm.gateway.edge.DownstreamRetryFilter} and
 * {@link org.autocrm.gateway.edge.ServiceCircuitBreakerFilter} around the call to the service, and
 * {@link org.autocrm.gateway.edge.InternalResponseHeadersFilter} on its answer.</li>
 * </ol>
 * Every refusal is an {@code ErrorResponse} turned into a problem document by {@code problem/}.
 */
package org.autocrm.gateway.edge;
