package org.autocrm.query.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a metrics table has one row per; {@link #DAY} is a calendar day (UTC), the others a document field. */
public enum GroupBy {
    AGENT("agentId"), GROUP("groupId"), CATEGORY("categoryId"), PRIORITY("priority"), CHANNEL("channel"),
    /** the customer's tier, copied from their profile */
    TIER("tier"), CUSTOMER("customerId"), DAY(null);

    private final String field;

    GroupBy(String field) {
        this.field = field;
    }

    /** The keyword field grouped on; null for {@link #DAY}. */
    String field() {
        return field;
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group-by named by a request parameter; an unknown name is refused naming the parameter. */
    public static GroupBy parse(String value) {
        return Arrays.stream(values()).filter(g -> g.parameterValue().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("groupBy must be one of "
                        + Arrays.stream(values()).map(GroupBy::parameterValue).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }
}
