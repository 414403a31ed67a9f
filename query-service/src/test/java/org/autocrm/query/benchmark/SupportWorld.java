package org.autocrm.query.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The made-up support organisations the benchmark writes tickets for: tenants of very different
 * sizes (a few large ones carry most tickets, as on a shared SaaS), each with agents in groups,
 * customers at companies, categories, tags and the words people use in support mail.
 */
final class SupportWorld {

    static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH", "URGENT");
    static final List<String> CHANNELS = List.of("email", "portal", "chat", "phone");
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");
    static final List<String> TIERS = List.of("standard", "premium", "enterprise");

    /** Words queries search for; every one appears in generated subjects or bodies. */
    static final List<String> PRODUCTS = List.of("invoice", "dashboard", "export", "password", "mobile app",
            "integration", "webhook", "report", "subscription", "calendar", "printer", "login", "checkout",
            "notification", "billing", "search", "upload", "sync", "license", "api key");

    private static final List<String> PROBLEMS = List.of("does not load", "shows the wrong amount",
            "fails with an error", "is very slow since the update", "stopped working this morning",
            "cannot be opened", "times out", "sends duplicates", "is missing data", "asks me to sign in again");

    private static final List<String> SENTENCES = List.of(
            "Since yesterday the %s %s for everyone in our team.",
            "We tried clearing the cache and restarting but the %s still %s.",
            "Could you please look into why the %s %s? It blocks our month-end close.",
            "Thanks for the quick answer, the %s now works again, but it %s from time to time.",
            "I have attached a screenshot: the %s %s right after I click save.",
            "Our customers noticed that the %s %s; this is urgent for us.",
            "Please reset it: the %s %s and we cannot continue.",
            "Following up on my earlier message: the %s %s again today.");

    private static final List<String> TAGS = List.of("vip", "bug", "billing", "how-to", "outage", "refund",
            "feature-request", "onboarding", "security", "data-loss", "mobile", "sso", "renewal", "escalated",
            "follow-up", "training", "gdpr", "integration", "performance", "ui");

    final List<Tenant> tenants;

    SupportWorld(int tenantCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tenant> all = new ArrayList<>();
        double harmonic = 0;
        for (int i = 1; i <= tenantCount; i++) {
            harmonic += 1.0 / i;
        }
        for (int i = 1; i <= tenantCount; i++) {
            // Zipf shares: the first tenant carries the most tickets
            all.add(new Tenant("bench-" + i, (1.0 / i) / harmonic, 20 + random.nextInt(60), 4 + random.nextInt(6),
                    500 + random.nextInt(4500), 8 + random.nextInt(12)));
        }
        this.tenants = List.copyOf(all);
    }

    Tenant pickTenant(SplittableRandom random) {
        double roll = random.nextDouble();
        double sum = 0;
        for (Tenant tenant : tenants) {
            sum += tenant.share;
            if (roll < sum) {
                return tenant;
            }
        }
        return tenants.get(tenants.size() - 1);
    }

    Tenant largest() {
        return tenants.get(0);
    }

    static String subject(SplittableRandom random) {
        return "The " + pick(random, PRODUCTS) + " " + pick(random, PROBLEMS);
    }

    static String body(SplittableRandom random) {
        StringBuilder body = new StringBuilder();
        int sentences = 1 + random.nextInt(4);
        for (int i = 0; i < sentences; i++) {
            body.append(String.format(pick(random, SENTENCES), pick(random, PRODUCTS), pick(random, PROBLEMS)))
                    .append(' ');
        }
        return body.toString().strip();
    }

    static List<String> tags(SplittableRandom random) {
        int count = random.nextInt(4);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tag = pick(random, TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Mostly MEDIUM, some HIGH, few URGENT, as support queues look. */
    static String priority(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 20 ? "LOW" : roll < 70 ? "MEDIUM" : roll < 93 ? "HIGH" : "URGENT";
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One support organisation: its share of all tickets and the size of its team and customer base. */
    record Tenant(String id, double share, int agents, int groups, int customers, int categories) {

        String agent(SplittableRandom random) {
            return id + "-agent-" + random.nextInt(agents);
        }

        /** Agents belong to one group each, by their number. */
        String groupOf(String agentId) {
            int number = Integer.parseInt(agentId.substring(agentId.lastIndexOf('-') + 1));
            return id + "-group-" + (number % groups);
        }

        String customer(SplittableRandom random) {
            return id + "-customer-" + random.nextInt(customers);
        }

        String category(SplittableRandom random) {
            return id + "-category-" + random.nextInt(categories);
        }

        String company(int customerNumber) {
            return "Company " + (customerNumber % Math.max(1, customers / 8));
        }
    }
}
