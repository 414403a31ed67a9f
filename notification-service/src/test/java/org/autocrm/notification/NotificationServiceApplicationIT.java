package org.autocrm.notification;

import org.autocrm.servicetesting.contract.AuthenticatedServiceContract;

/**
 * What every AutoCRM service answers (probes, metrics, API docs, problems, build info) and what the service kit
 * does for it with no feature code: callers of {@code /api/**} sign in, API keys need a scope.
 */
class NotificationServiceApplicationIT extends AuthenticatedServiceContract {

    NotificationServiceApplicationIT() {
        super("notification-service", "/api/notifications/no-such-endpoint");
    }
}
