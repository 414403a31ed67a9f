package org.autocrm.deploy.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the seed data, by kind ({@code ticket}, {@code customer}, {@code category}, ...), that the generator
 * puts into path parameters and id-like body fields part of the time. Each kind has <em>stable</em> ids, which
 * only reads reach, and <em>throwaway</em> ids, which writes and deletes reach, so a fuzzed DELETE, merge or
 * close never takes away what the reads need. The other tenant's and the other customer's ids are never here.
 */
final class KnownIds {

    private final Map<String, List<String>> stable = new ConcurrentHashMap<>();
    private final Map<String, List<String>> throwaway = new ConcurrentHashMap<>();

    void addStable(String kind, String id) {
        stable.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    void addThrowaway(String kind, String id) {
        throwaway.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    /** A known id of a kind: a throwaway one for a request that changes state, else any; empty if none. */
    Optional<String> pick(String kind, boolean changesState, Random random) {
        List<String> candidates = new ArrayList<>(throwaway.getOrDefault(kind, List.of()));
        if (!changesState) {
            candidates.addAll(stable.getOrDefault(kind, List.of()));
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    /** Any id of a kind, stable ones included (for values in bodies, which never delete what they name). */
    Optional<String> reference(String kind, Random random) {
        List<String> candidates = new ArrayList<>(stable.getOrDefault(kind, List.of()));
        candidates.addAll(throwaway.getOrDefault(kind, List.of()));
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    /**
     * The kind of the id a path parameter names, from the collection segment before it
     * ({@code /api/tickets/{id}} is a ticket, {@code /api/tickets/categories/{id}} a category).
     */
    static String kindOfPathParameter(String path, String parameter) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return switch (segments[i - 1]) {
                    case "tickets" -> "ticket";
                    case "customers" -> "customer";
                    case "attachments" -> "attachment";
                    case "categories" -> "category";
                    case "custom-fields" -> "custom-field";
                    case "priorities" -> "priority";
                    case "statuses" -> "status";
                    case "canned-responses" -> "canned-response";
                    case "groups" -> "group";
                    case "users" -> "user";
                    case "api-keys" -> "api-key";
                    case "views" -> "view";
                    case "sso" -> "tenant";
                    case "api-docs" -> "api-docs";
                    case "projections" -> "projection";
                    default -> segments[i - 1].toLowerCase(Locale.ROOT);
                };
            }
        }
        return parameter;
    }

    /** The kind of id a body field or query parameter holds, by its name; empty if it names none. */
    static Optional<String> kindOfField(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("customerid")) {
            return Optional.of("customer");
        }
        if (n.equals("ticketid") || n.equals("targetticketid")) {
            return Optional.of("ticket");
        }
        if (n.equals("categoryid") || n.equals("category")) {
            return Optional.of("category");
        }
        if (n.equals("groupid") || n.equals("assigngroupid") || n.equals("group")) {
            return Optional.of("group");
        }
        if (n.equals("agentid") || n.equals("assigneeid") || n.equals("assignee")) {
            return Optional.of("agent");
        }
        if (n.equals("groups")) {
            return Optional.of("group");
        }
        return Optional.empty();
    }
}
