package org.autocrm.routing;

import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.contract.AuthenticatedServiceContract;

/**
 * What every AutoCRM service answers (probes, metrics, API docs, problems, build info) and what the service kit
 * does for it with no feature code: callers of {@code /api/**} sign in, API keys need a scope.
 */
@RunningInfrastructure(Piece.MONGO)
class RoutingServiceApplicationIT extends AuthenticatedServiceContract {

    RoutingServiceApplicationIT() {
        super("routing-service", "/api/routing/no-such-endpoint");
    }
}
