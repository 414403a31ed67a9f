package org.autocrm.identity.admin;

import java.util.List;

/**
 * {@code POST /api/admin/users}: a staff user (role admin, team_lead or agent, with groups) or a
 * customer's portal account (role customer, with the ticket-service {@code customerId}).
 */
public record CreateUser(String email, String name, String role, List<String> groups, String password, String customerId) {
}
