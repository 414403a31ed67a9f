-- Customers owned by ticket-service (the Customer aggregate's events are the source of truth).
-- Both tables are written inside the command's transaction.

-- The lookup row other features read (tickets, canned-response placeholders) and GET /api/customers/{id}
CREATE TABLE customer (
    tenant_id     VARCHAR(100) NOT NULL,
    customer_id   VARCHAR(255) NOT NULL,
    name          TEXT         NOT NULL,
    emails        TEXT[]       NOT NULL DEFAULT '{}',
    primary_email TEXT,
    phone         TEXT,
    company       TEXT,
    tier          TEXT,
    language      VARCHAR(35),
    time_zone     VARCHAR(100),
    external_id   TEXT,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

-- Each email address belongs to at most one customer per tenant; stored in lower case
CREATE TABLE customer_email (
    tenant_id   VARCHAR(100) NOT NULL,
    email       TEXT         NOT NULL,
    customer_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (tenant_id, email),
    -- deferred: a new customer's addresses are claimed before its lookup row is written
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, customer_id) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX customer_email_by_customer ON customer_email (tenant_id, customer_id);
