package org.autocrm.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream ({@code autocrm.query.live.*}).
 *
 * @param heartbeat          how often an idle stream gets a comment line, so that proxies keep it open and a client
 *                           that went away is noticed
 * @param bufferPerTenant    how many of a tenant's latest ticket events each replica keeps for clients that resume
 *                           with {@code Last-Event-ID}
 * @param bufferFor          how long it keeps them; a client that was away longer is told to reload
 * @param maxWait            how long an event waits for the ticket index to include it before its tenant's clients
 *                           are told to reload instead
 * @param maxPending         events waiting for the index at most; beyond it reading Kafka pauses
 * @param maxStreamsPerUser  open streams of one user (or API key) per replica; more are refused with 429
 * @param maxConnection      how long one stream stays open; the client then reconnects with {@code Last-Event-ID}
 *                           and a fresh access token (the one it opened with expires after 15 minutes)
 * @param sendQueue          messages waiting for one slow client at most; beyond it that stream is closed (the
 *                           client reconnects and resumes)
 * @param senders            threads writing to the clients
 */
@ConfigurationProperties("autocrm.query.live")
public record LiveProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("500") int bufferPerTenant,
        @DefaultValue("5m") Duration bufferFor,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue("20000") int maxPending,
        @DefaultValue("8") int maxStreamsPerUser,
        @DefaultValue("15m") Duration maxConnection,
        @DefaultValue("1000") int sendQueue,
        @DefaultValue("4") int senders) {
}
