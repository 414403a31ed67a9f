package org.autocrm.ticket.attachment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/** The bytes of attachments in GridFS, stored once per tenant and content (SHA-256). */
@Component
class AttachmentStore {

    private final GridFsTemplate gridFs;

    AttachmentStore(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    /** A stored file; {@code newlyStored} is false when the same bytes were already there. */
    record StoredFile(String id, boolean newlyStored) {
    }

    StoredFile store(String tenantId, String fileName, String contentType, byte[] bytes, String sha256) {
        GridFSFile existing = gridFs.findOne(query(where("metadata.tenantId").is(tenantId).and("metadata.sha256").is(sha256)));
        if (existing != null) {
            return new StoredFile(existing.getObjectId().toHexString(), false);
        }
        Document metadata = new Document("tenantId", tenantId).append("sha256", sha256).append("contentType", contentType);
        ObjectId id = gridFs.store(new ByteArrayInputStream(bytes), fileName, contentType, metadata);
        return new StoredFile(id.toHexString(), true);
    }

    Optional<GridFsResource> open(String tenantId, String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(query(where("_id").is(new ObjectId(id)).and("metadata.tenantId").is(tenantId)));
        return Optional.ofNullable(file).map(gridFs::getResource);
    }

    void delete(String id) {
        gridFs.delete(query(where("_id").is(new ObjectId(id))));
    }
}
