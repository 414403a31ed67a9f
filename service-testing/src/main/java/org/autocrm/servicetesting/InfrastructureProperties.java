package org.autocrm.servicetesting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.autocrm.infrastructure.Infrastructure;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * The connection properties of the asked-for pieces. A value is worked out when it is first read, so a piece
 * starts only when the application actually connects to it (and then once per JVM).
 */
final class InfrastructureProperties extends EnumerablePropertySource<Map<String, Supplier<String>>> {

    static final String NAME = "Running embedded infrastructure";

    private InfrastructureProperties(Map<String, Supplier<String>> values) {
        super(NAME, values);
    }

    static InfrastructureProperties of(Set<Piece> pieces, String database, Environment environment) {
        Supplier<String> db = () -> database.isEmpty() ? databaseOf(environment) : database;
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        for (Piece piece : pieces) {
            switch (piece) {
                case POSTGRES -> {
                    values.put("spring.datasource.url", () -> infrastructure().postgres().jdbcUrl(db.get()));
                    values.put("spring.datasource.username", () -> infrastructure().postgres().username());
                    values.put("spring.datasource.password", () -> infrastructure().postgres().password());
                }
                case KAFKA -> values.put("spring.kafka.bootstrap-servers",
                        () -> infrastructure().kafka().bootstrapServers());
                case ELASTICSEARCH -> values.put("spring.elasticsearch.uris",
                        () -> infrastructure().elasticsearch().url());
                case MONGO -> values.put("spring.data.mongodb.uri",
                        () -> infrastructure().mongo().connectionString() + "/" + db.get());
                case MAIL -> {
                    values.put("spring.mail.host", () -> "127.0.0.1");
                    values.put("spring.mail.port", () -> String.valueOf(infrastructure().mail().smtpPort()));
                }
            }
        }
        return new InfrastructureProperties(values);
    }

    @Override
    public String[] getPropertyNames() {
        return source.keySet().toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        Supplier<String> value = source.get(name);
        return value == null ? null : value.get();
    }

    @Override
    public boolean containsProperty(String name) {
        return source.containsKey(name);
    }

    private static Infrastructure infrastructure() {
        return Infrastructure.shared();
    }

    /** {@code routing-service} → {@code routing_service}; PostgreSQL and MongoDB accept both, SQL prefers this. */
    static String databaseOf(Environment environment) {
        String name = environment.getProperty("spring.application.name", "autocrm-test");
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
