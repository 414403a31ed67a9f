package org.autocrm.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.autocrm.infrastructure.Infrastructure;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An install from before the versioned indices has its projection's data in an index of a fixed name (the customers'
 * {@code customers-v1}) behind the alias: it keeps serving as it is, gains the fields added to the mapping since, and
 * a rebuild's swap moves the alias to a timestamped index. Here under an alias of its own, not the live one.
 */
class VersionedIndexIT {

    private static RestClient rest;
    private static ElasticsearchClient elasticsearch;

    private final String alias = "legacy-customers-" + UUID.randomUUID();
    private final String fixedIndex = alias + "-v1";
    private String nextIndex;

    @BeforeAll
    static void connect() {
        rest = RestClient.builder(HttpHost.create(Infrastructure.shared().elasticsearch().url())).build();
        elasticsearch = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void disconnect() throws IOException {
        rest.close();
    }

    @AfterEach
    void dropIndices() throws IOException {
        elasticsearch.indices().delete(d -> d.index(fixedIndex).ignoreUnavailable(true));
        if (nextIndex != null) {
            elasticsearch.indices().delete(d -> d.index(nextIndex).ignoreUnavailable(true));
        }
    }

    @Test
    void anIndexOfAFixedNameBehindTheAliasKeepsServingGainsNewFieldsAndIsReplacedByARebuild() throws IOException {
        // as the customers index was created before: its own name, the alias as write index, fewer fields
        elasticsearch.indices().create(c -> c.index(fixedIndex)
                .mappings(m -> m.properties("tenantId", p -> p.keyword(k -> k)))
                .aliases(alias, a -> a.isWriteIndex(true)));
        elasticsearch.index(i -> i.index(alias).id("t1:sarah").document(Map.of("tenantId", "t1"))
                .refresh(Refresh.True));
        VersionedIndex index = new VersionedIndex(elasticsearch, alias, "customers-v1");

        index.ensureExists();

        assertThat(index.currentIndices()).containsExactly(fixedIndex);
        assertThat(elasticsearch.get(g -> g.index(alias).id("t1:sarah"), Map.class).found()).isTrue();
        assertThat(elasticsearch.indices().getMapping(m -> m.index(fixedIndex)).result().get(fixedIndex).mappings()
                .properties()).containsKeys("tenantId", "customerId", "ticketsTotal", "lastContactAt");

        nextIndex = index.createNextIndex();
        index.swapTo(nextIndex, index.currentIndices());

        Set<String> behindAlias = index.currentIndices();
        assertThat(behindAlias).containsExactly(nextIndex);
        assertThat(nextIndex).startsWith("customers-v1-");
    }
}
