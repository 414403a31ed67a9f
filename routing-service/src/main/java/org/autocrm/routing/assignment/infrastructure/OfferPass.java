package org.autocrm.routing.assignment.infrastructure;

import org.autocrm.routing.assignment.OfferingWaitingTickets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic pass that offers waiting tickets (every 30 s by default, {@code autocrm.routing.assignment.offer-interval}):
 * catches what no event announces, such as an agent's schedule slot beginning. Every replica runs it; the claims
 * make sure each ticket is taken by one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "autocrm.routing.assignment.offer-pass.enabled", havingValue = "true",
        matchIfMissing = true)
class OfferPass {

    private final OfferingWaitingTickets offers;

    OfferPass(OfferingWaitingTickets offers) {
        this.offers = offers;
    }

    @Scheduled(initialDelayString = "${autocrm.routing.assignment.offer-interval:PT30S}",
            fixedDelayString = "${autocrm.routing.assignment.offer-interval:PT30S}")
    void offerWaitingTickets() {
        offers.offerEverywhere();
    }
}
