-- Which ticket a client's Idempotency-Key opened (POST /api/tickets), per tenant
CREATE TABLE idempotency_key (
    tenant_id   VARCHAR(100) NOT NULL,
    key         VARCHAR(255) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    ticket_id   VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);
