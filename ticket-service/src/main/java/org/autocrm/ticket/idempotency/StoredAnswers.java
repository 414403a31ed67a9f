package org.autocrm.ticket.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The answers to ticket commands sent with an Idempotency-Key, in PostgreSQL (table {@code idempotent_answer}).
 * Each statement commits on its own: a claim must be seen by a concurrent request with the same key at once, not
 * when the command's own transaction ends.
 */
@Component
class StoredAnswers {

    /** What an earlier request with the key left: its fingerprint, and its answer once there is one. */
    record Earlier(String fingerprint, Optional<StoredAnswer> answer) {
    }

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;

    StoredAnswers(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Claims the key for a request with {@code fingerprint}; empty when the claim is this request's (it runs), else
     * what the earlier request left. A key older than the retention, or whose first request was abandoned, is
     * claimed anew.
     */
    Optional<Earlier> claim(String tenantId, String callerId, String key, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Integer> claimed = jdbc.queryForList("""
                    INSERT INTO idempotent_answer (tenant_id, caller_id, key, fingerprint, state)
                    VALUES (?, ?, ?, ?, 'running')
                    ON CONFLICT (tenant_id, caller_id, key) DO UPDATE
                        SET fingerprint = EXCLUDED.fingerprint, state = 'running', status = NULL,
                            content_type = NULL, etag = NULL, location = NULL, body = NULL, created_at = now()
                        WHERE idempotent_answer.created_at < now() - make_interval(secs => ?)
                           OR idempotent_answer.state = 'running'
                              AND idempotent_answer.created_at < now() - make_interval(secs => ?)
                    RETURNING 1
                    """, Integer.class, tenantId, callerId, key, fingerprint, seconds(properties.retention()),
                    seconds(properties.abandonedAfter()));
            if (!claimed.isEmpty()) {
                return Optional.empty();
            }
            List<Earlier> earlier = jdbc.query("""
                    SELECT fingerprint, state, status, content_type, etag, location, body FROM idempotent_answer
                    WHERE tenant_id = ? AND caller_id = ? AND key = ?
                    """, (rs, row) -> new Earlier(rs.getString("fingerprint"), "done".equals(rs.getString("state"))
                    ? Optional.of(new StoredAnswer(rs.getInt("status"), rs.getString("content_type"),
                    rs.getString("etag"), rs.getString("location"), rs.getBytes("body")))
                    : Optional.empty()), tenantId, callerId, key);
            if (!earlier.isEmpty()) {
                return Optional.of(earlier.get(0));
            }
            // removed (expired) between the two statements: claim again
        }
        throw new IllegalStateException("Idempotency-Key " + key + " could neither be claimed nor read");
    }

    /** Stores the answer of the request that claimed the key. */
    void answered(String tenantId, String callerId, String key, StoredAnswer answer) {
        jdbc.update("""
                UPDATE idempotent_answer SET state = 'done', status = ?, content_type = ?, etag = ?, location = ?,
                    body = ? WHERE tenant_id = ? AND caller_id = ? AND key = ?
                """, answer.status(), answer.contentType(), answer.etag(), answer.location(), answer.body(),
                tenantId, callerId, key);
    }

    /** Forgets the claim of a request that got no answer worth keeping (5xx, or it failed): a retry runs again. */
    void release(String tenantId, String callerId, String key) {
        jdbc.update("DELETE FROM idempotent_answer WHERE tenant_id = ? AND caller_id = ? AND key = ? AND state = 'running'",
                tenantId, callerId, key);
    }

    /** Removes the answers older than the retention; returns how many. */
    int removeExpired() {
        return jdbc.update("DELETE FROM idempotent_answer WHERE created_at < now() - make_interval(secs => ?)",
                seconds(properties.retention()));
    }

    /** A duration as the database's own clock measures back from now(), which also stamps created_at. */
    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
