package org.autocrm.query.projection;

/**
 * A rebuild has swapped the projection's alias to {@code index} and replayed every event published before the swap
 * into it; published on the rebuild's thread before it reports COMPLETED, so what a listener does (fill in what the
 * replay does not write, such as the ticket figures on customers) is done when the rebuild is. A listener that fails
 * fails the rebuild (the new index stays behind the alias, the old one is kept).
 */
public record ProjectionRebuilt(String projection, String index) {
}
