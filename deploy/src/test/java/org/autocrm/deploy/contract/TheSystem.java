package org.autocrm.deploy.contract;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The running system and test tenants of {@code org.autocrm.deploy} ({@code RunningSystem}, {@code TestTenant}),
 * reached from this package. Those classes are package-private and owned by the end-to-end tests; rather than
 * change them, this bridge calls them reflectively (same class loader, no module boundary), so the fuzzer shares
 * the one system the JVM starts for every end-to-end test. Making them public would make this class two lines.
 */
final class TheSystem {

    private static final String PACKAGE = "org.autocrm.deploy.";

    private TheSystem() {
    }

    /** Starts the system once per JVM (or finds it started) and answers the gateway's base URL. */
    static String gateway() {
        call(type("RunningSystem"), null, "get");
        return (String) call(type("RunningSystem"), null, "gateway", "");
    }

    static String password() {
        return (String) constant(type("TestTenant"), "PASSWORD");
    }

    /** A signed-in account: the token's subject, the email it signs in with and a current access token. */
    record Account(String id, String email, String accessToken) {
        String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /** A tenant of its own, provisioned through the gateway by {@code TestTenant}. */
    static final class Tenant {
        private final Object tenant;
        private final String id;

        private Tenant(Object tenant) {
            this.tenant = tenant;
            this.id = (String) call(tenant.getClass(), tenant, "id");
        }

        static Tenant create(String prefix) {
            return new Tenant(call(type("TestTenant"), null, "create", prefix));
        }

        String id() {
            return id;
        }

        Account admin() {
            return account(call(tenant.getClass(), tenant, "admin"), "admin@" + id + ".test");
        }

        Account staff(String handle, String role, List<String> groups) {
            return account(call(tenant.getClass(), tenant, "staff", handle, role, groups), handle + "@" + id + ".test");
        }

        Account customer(String customerId) {
            return account(call(tenant.getClass(), tenant, "customer", customerId),
                    "customer-" + customerId + "@" + id + ".test");
        }

        /** An API key's id and secret. */
        String[] apiKey(String name, List<String> scopes) {
            Object key = call(tenant.getClass(), tenant, "apiKey", name, scopes);
            return new String[] {(String) call(key.getClass(), key, "id"), (String) call(key.getClass(), key, "key")};
        }

        private static Account account(Object member, String email) {
            return new Account((String) call(member.getClass(), member, "id"), email,
                    (String) call(member.getClass(), member, "accessToken"));
        }
    }

    private static Class<?> type(String simpleName) {
        try {
            return Class.forName(PACKAGE + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object constant(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Class<?> type, Object target, String name, Object... arguments) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                method.setAccessible(true);
                try {
                    return method.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has no method " + name + "/" + arguments.length);
    }
}
