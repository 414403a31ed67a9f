package org.autocrm.query.views;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.autocrm.access.Caller;
import org.springframework.stereotype.Component;

/**
 * Stores saved views in Elasticsearch, every document with its tenant. Writes wait for the index
 * refresh, so the list shows a change as soon as it is answered.
 */
@Component
public class SavedViews {

    static final int MAX_LISTED = 500;

    private final ElasticsearchClient client;
    private final SavedViewIndex index;

    SavedViews(ElasticsearchClient client, SavedViewIndex index) {
        this.client = client;
        this.index = index;
    }

    public void save(SavedView view) throws IOException {
        index.ensureExists();
        client.index(i -> i.index(SavedViewIndex.ALIAS).id(view.viewId()).document(view).refresh(Refresh.WaitFor));
    }

    /** The view if the caller may see it; otherwise (or if there is none) empty. */
    public Optional<SavedView> find(Caller caller, String viewId) throws IOException {
        index.ensureExists();
        GetResponse<SavedView> response = client.get(g -> g.index(SavedViewIndex.ALIAS).id(viewId), SavedView.class);
        return Optional.ofNullable(response.source()).filter(view -> SavedViewAccess.sees(caller, view));
    }

    /** The caller's personal views and their tenant's shared views, by name. */
    public List<SavedView> visibleTo(Caller caller) throws IOException {
        index.ensureExists();
        return client.search(s -> s.index(SavedViewIndex.ALIAS).size(MAX_LISTED)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("tenantId").value(caller.tenantId())))
                                .filter(f -> f.bool(either -> either
                                        .should(o -> o.term(t -> t.field("shared").value(true)))
                                        .should(o -> o.term(t -> t.field("ownerId").value(caller.userId())))
                                        .minimumShouldMatch("1")))))
                        .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("viewId").order(SortOrder.Asc))),
                SavedView.class).hits().hits().stream().map(hit -> hit.source()).toList();
    }

    public void delete(SavedView view) throws IOException {
        index.ensureExists();
        client.delete(d -> d.index(SavedViewIndex.ALIAS).id(view.viewId()).refresh(Refresh.WaitFor));
    }
}
