-- One counter per tenant for the human-friendly ticket numbers (#1042)
CREATE TABLE ticket_number (
    tenant_id   VARCHAR(100) PRIMARY KEY,
    last_number BIGINT       NOT NULL
);
