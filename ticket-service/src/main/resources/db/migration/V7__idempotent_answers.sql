-- The first answer to each ticket command sent with an Idempotency-Key, per tenant, caller and key: a retry with
-- the same key is answered from here and changes nothing. Kept 24 h (autocrm.idempotency.retention), then removed.
CREATE TABLE idempotent_answer (
    tenant_id    VARCHAR(100) NOT NULL,
    caller_id    VARCHAR(100) NOT NULL,
    key          VARCHAR(255) NOT NULL,
    -- SHA-256 (hex) of method, path, query and body: tells a retry from another request reusing the key
    fingerprint  CHAR(64)     NOT NULL,
    -- running while the first request is being answered; done once its answer is stored
    state        VARCHAR(10)  NOT NULL CHECK (state IN ('running', 'done')),
    status       SMALLINT,
    content_type VARCHAR(200),
    etag         VARCHAR(100),
    location     VARCHAR(2000),
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, caller_id, key)
);

CREATE INDEX idempotent_answer_created_at ON idempotent_answer (created_at);
