package org.autocrm.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A projection's Elasticsearch index: physical indices named {@code <mapping>-<timestamp>} (for example
 * {@code tickets-v1-20261122-104500123}) behind one alias that every read and write uses. The mapping
 * ({@code /elasticsearch/<mapping>.json}) is installed as an index template for {@code <mapping>-*} and also given
 * explicitly when an index is created. The first index is created when the alias is missing; nothing here ever
 * deletes an index that the alias points to.
 */
public final class VersionedIndex {

    private static final Logger log = LoggerFactory.getLogger(VersionedIndex.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final String alias;
    private final String mapping;
    private final Clock clock;
    private final JsonNode definition;
    private volatile boolean ready;

    /**
     * @param alias   the name reads and writes use ({@code tickets})
     * @param mapping the mapping's versioned name ({@code tickets-v1}); the resource
     *                {@code /elasticsearch/<mapping>.json} holds its settings and mappings
     */
    public VersionedIndex(ElasticsearchClient client, String alias, String mapping) {
        this(client, alias, mapping, Clock.systemUTC());
    }

    VersionedIndex(ElasticsearchClient client, String alias, String mapping, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.mapping = mapping;
        this.clock = clock;
        this.definition = readDefinition(mapping);
    }

    public String alias() {
        return alias;
    }

    public String mapping() {
        return mapping;
    }

    /** Installs the template and creates the first index behind the alias if there is none; cheap once done. */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            installTemplate();
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                addNewFields();
            } else {
                createFirstIndex();
            }
            ready = true;
        }
    }

    /** Puts the index template for {@code <mapping>-*}, so an index made by hand or by a rebuild gets the mapping. */
    public void installTemplate() throws IOException {
        ObjectNode template = new ObjectMapper().createObjectNode();
        template.putArray("index_patterns").add(mapping + "-*");
        template.put("priority", 100);
        template.set("template", definition);
        template.putObject("_meta").put("owner", "query-service").put("alias", alias);
        client.indices().putIndexTemplate(p -> p.name(mapping).withJson(new StringReader(template.toString())));
    }

    /**
     * Fields added to the mapping since the index was created are added to it (adding is all Elasticsearch allows
     * in place); documents written before only gain them when rebuilt. False when the mapping cannot be applied in
     * place (a field changed type): reads still work, a rebuild is due.
     */
    public boolean addNewFields() throws IOException {
        try {
            client.indices().putMapping(p -> p.index(alias)
                    .withJson(new StringReader(definition.path("mappings").toString())));
            return true;
        } catch (ElasticsearchException e) {
            log.warn("Could not add new fields to the indices behind {}; rebuild it to use them: {}", alias,
                    e.getMessage());
            return false;
        }
    }

    /** A new, empty index with the current mapping, not behind the alias (a rebuild fills it, then swaps). */
    public String createNextIndex() throws IOException {
        installTemplate();
        String name = mapping + "-" + STAMP.format(clock.instant());
        client.indices().create(c -> c.index(name).withJson(new StringReader(definition.toString())));
        log.info("Created Elasticsearch index {} for alias {}", name, alias);
        return name;
    }

    /** The physical indices the alias points to now (one, except by hand). */
    public Set<String> currentIndices() throws IOException {
        return new TreeSet<>(client.indices().getAlias(a -> a.name(alias)).result().keySet());
    }

    /**
     * Points the alias at {@code index} alone, in one {@code _aliases} request so that every read and write sees
     * either the old indices or the new one, never neither. The new index is refreshed first: a replay written
     * within the last refresh interval would otherwise be invisible to searches for a moment after the swap.
     */
    public void swapTo(String index, Set<String> previous) throws IOException {
        client.indices().refresh(r -> r.index(index));
        client.indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        });
        log.info("Alias {} now points at {} (was {})", alias, index, previous);
    }

    public void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index));
        log.info("Deleted Elasticsearch index {}", index);
    }

    private void createFirstIndex() throws IOException {
        String name = mapping + "-" + STAMP.format(clock.instant());
        try {
            client.indices().create(c -> c.index(name).withJson(new StringReader(definition.toString()))
                    .aliases(alias, a -> a.isWriteIndex(true)));
            log.info("Created Elasticsearch index {} with alias {}", name, alias);
        } catch (ElasticsearchException e) {
            // another instance created the first index at the same moment: use its alias
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                throw e;
            }
            log.info("Alias {} was created by another instance meanwhile", alias);
        }
    }

    private static JsonNode readDefinition(String mapping) {
        String resource = "/elasticsearch/" + mapping + ".json";
        try (InputStream in = VersionedIndex.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No index definition " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
