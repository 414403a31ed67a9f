package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.autocrm.query.customfields.CustomerVisibleFields;
import org.springframework.stereotype.Component;

/**
 * Reads tickets with their conversation ({@link TicketSnapshot}) in one {@code mget}, plus one more for what the
 * documents of tickets merged into them say about their files. The searchable text copies are never read.
 */
@Component
public class TicketSnapshots {

    private static final List<String> NEVER_READ = List.of("publicText", "internalText", "adminText");

    private final ElasticsearchClient client;
    private final TicketIndex index;
    private final CustomerVisibleFields customerVisible;

    TicketSnapshots(ElasticsearchClient client, TicketIndex index, CustomerVisibleFields customerVisible) {
        this.client = client;
        this.index = index;
        this.customerVisible = customerVisible;
    }

    /**
     * The tickets that exist, by id. {@code realtime}: as last written (a single read, right after a write);
     * otherwise as searches see them (refreshed about every second), which costs Elasticsearch no refresh.
     */
    public Map<String, TicketSnapshot> read(Collection<String> ticketIds, boolean realtime) throws IOException {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        index.ensureExists();
        Map<String, TicketDocument> documents = documents(List.copyOf(new LinkedHashSet<>(ticketIds)), realtime,
                null);
        Set<String> mergedFrom = new LinkedHashSet<>();
        documents.values().forEach(document -> {
            if (document.files() != null) {
                document.files().stream().filter(file -> file.fileName() == null && file.mergedFrom() != null)
                        .forEach(file -> mergedFrom.add(file.mergedFrom()));
            }
        });
        Map<String, TicketDocument> sources = mergedFrom.isEmpty() ? Map.of()
                : documents(List.copyOf(mergedFrom), realtime, List.of("tenantId", "files"));
        Map<String, TicketSnapshot> snapshots = new LinkedHashMap<>();
        documents.forEach((id, document) -> snapshots.put(id, new TicketSnapshot(document, filesOf(document, sources), customerVisible)));
        return snapshots;
    }

    /** The files the merged-in tickets' documents describe, of the same tenant only. */
    private static Map<String, TicketDocument.File> filesOf(TicketDocument document, Map<String, TicketDocument> sources) {
        Map<String, TicketDocument.File> files = new HashMap<>();
        if (document.files() == null) {
            return files;
        }
        document.files().stream().map(TicketDocument.File::mergedFrom).filter(Objects::nonNull).distinct()
                .map(sources::get)
                .filter(source -> source != null && document.tenantId().equals(source.tenantId())
                        && source.files() != null)
                .forEach(source -> source.files().forEach(file -> files.putIfAbsent(file.attachmentId(), file)));
        return files;
    }

    private Map<String, TicketDocument> documents(List<String> ids, boolean realtime, List<String> only)
            throws IOException {
        MgetResponse<TicketDocument> response = client.mget(m -> {
            m.index(TicketIndex.ALIAS).ids(ids).realtime(realtime);
            return only == null ? m.sourceExcludes(NEVER_READ) : m.sourceIncludes(only);
        }, TicketDocument.class);
        Map<String, TicketDocument> found = new LinkedHashMap<>();
        for (MultiGetResponseItem<TicketDocument> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }
}
