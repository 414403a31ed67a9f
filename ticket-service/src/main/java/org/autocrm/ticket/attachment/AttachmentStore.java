package org.autocrm.ticket.attachment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of attachments in GridFS, stored once per tenant and content (SHA-256). Every upload is an attachment
 * of its own, with its own id and name: the first upload of some bytes is the GridFS file itself (its id is the
 * attachment's), each later upload of the same bytes is a reference to that file in {@value #REFERENCES}.
 */
@Component
class AttachmentStore {

    static final String REFERENCES = "attachment_references";

    private final GridFsTemplate gridFs;
    private final MongoTemplate mongo;

    AttachmentStore(GridFsTemplate gridFs, MongoTemplate mongo) {
        this.gridFs = gridFs;
        this.mongo = mongo;
    }

    /** A stored attachment; {@code newlyStored} is false when the same bytes were already there. */
    record StoredFile(String id, boolean newlyStored) {
    }

    StoredFile store(String tenantId, String fileName, String contentType, byte[] bytes, String sha256) {
        GridFSFile existing = gridFs.findOne(query(where("metadata.tenantId").is(tenantId).and("metadata.sha256").is(sha256)));
        if (existing != null) {
            ObjectId reference = new ObjectId();
            mongo.insert(new Document("_id", reference).append("tenantId", tenantId)
                    .append("fileId", existing.getObjectId()).append("fileName", fileName), REFERENCES);
            return new StoredFile(reference.toHexString(), false);
        }
        Document metadata = new Document("tenantId", tenantId).append("sha256", sha256).append("contentType", contentType);
        ObjectId id = gridFs.store(new ByteArrayInputStream(bytes), fileName, contentType, metadata);
        return new StoredFile(id.toHexString(), true);
    }

    Optional<GridFsResource> open(String tenantId, String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        ObjectId fileId = new ObjectId(id);
        Document reference = mongo.findOne(
                query(where("_id").is(fileId).and("tenantId").is(tenantId)),
                Document.class, REFERENCES);
        if (reference != null) {
            fileId = reference.getObjectId("fileId");
        }
        GridFSFile file = gridFs.findOne(query(where("_id").is(fileId).and("metadata.tenantId").is(tenantId)));
        return Optional.ofNullable(file).map(gridFs::getResource);
    }

    /** Forgets an attachment that was not recorded on its ticket: the bytes if they were new, else the reference. */
    void forget(StoredFile stored) {
        ObjectId id = new ObjectId(stored.id());
        if (stored.newlyStored()) {
            gridFs.delete(query(where("_id").is(id)));
        } else {
            mongo.remove(query(where("_id").is(id)), REFERENCES);
        }
    }
}
