package org.autocrm.identity.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.autocrm.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The gateway's store of tenants, groups and accounts in MongoDB (plain CRUD and unique indexes only).
 * Blocking: call it through {@code Blocking}.
 */
@Component
public class Directory {

    private final MongoTemplate mongo;

    Directory(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Account.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("email", Sort.Direction.ASC).unique().named("tenant_email"));
        mongo.indexOps(Account.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("customerId", Sort.Direction.ASC).named("tenant_customer"));
        mongo.indexOps(Account.class).ensureIndex(new Index().on("role", Sort.Direction.ASC).named("role"));
        mongo.indexOps(Group.class).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).named("tenant"));
    }

    public static String normalisedEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    // tenants

    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(mongo.findById(id, Tenant.class));
    }

    /** Creates the tenant unless it exists; true if it was created. */
    public boolean createTenant(Tenant tenant) {
        try {
            mongo.insert(tenant);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    public Tenant saveTenant(Tenant tenant) {
        return mongo.save(tenant);
    }

    // groups

    public List<Group> groups(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("id")), Group.class);
    }

    public Optional<Group> group(String tenantId, String id) {
        return Optional.ofNullable(mongo.findById(tenantId + "/" + id, Group.class));
    }

    public boolean createGroup(Group group) {
        try {
            mongo.insert(group);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    // accounts

    public Optional<Account> account(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class));
    }

    public Optional<Account> account(String tenantId, String id) {
        return account(id).filter(account -> account.tenantId().equals(tenantId));
    }

    public Optional<Account> accountByEmail(String tenantId, String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId)
                .and("email").is(normalisedEmail(email))), Account.class));
    }

    public List<Account> accounts(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("email")), Account.class);
    }

    /** Inserts a new account; false if the tenant already has one with this email (or this id). */
    public boolean createAccount(Account account) {
        try {
            mongo.insert(account);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    public Account saveAccount(Account account) {
        return mongo.save(account);
    }

    public boolean anyAdmin() {
        return mongo.exists(Query.query(Criteria.where("role").is(Role.ADMIN.value()).and("active").is(true)), Account.class);
    }

    /** Counts a wrong password atomically (replicas may see attempts at once); returns the account after. */
    public Account countFailedLogin(String accountId) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(accountId)),
                new Update().inc("failedLogins", 1), FindAndModifyOptions.options().returnNew(true), Account.class);
    }

    public void lock(String accountId, Instant until) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
                new Update().set("lockedUntil", until).set("failedLogins", 0), Account.class);
    }

    /** A new password also ends a lockout: whoever reset it proved they own the mailbox. */
    public void changePassword(String accountId, String passwordHash) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
                new Update().set("passwordHash", passwordHash).set("failedLogins", 0).unset("lockedUntil"), Account.class);
    }

    /** Role and groups as the tenant's sign-in provider says (the provider is their source for SSO users). */
    public void changeRoleAndGroups(String accountId, String role, List<String> groups) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
                new Update().set("role", role).set("groups", groups), Account.class);
    }

    public void clearFailedLogins(String accountId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
                new Update().set("failedLogins", 0).unset("lockedUntil"), Account.class);
    }
}
