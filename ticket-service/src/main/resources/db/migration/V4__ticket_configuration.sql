-- Ticket configuration: categories, custom fields, priorities, status labels, canned responses.

-- Names unique per tenant (category names, custom field keys, status labels), claimed inside the
-- command's transaction; name is lower case. Not a read model: it is never rebuilt from events.
CREATE TABLE ticket_configuration_name (
    tenant_id VARCHAR(100) NOT NULL,
    kind      VARCHAR(30)  NOT NULL,
    name      VARCHAR(200) NOT NULL,
    owner_id  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (tenant_id, kind, name)
);
CREATE INDEX ticket_configuration_name_by_owner ON ticket_configuration_name (tenant_id, kind, owner_id);

-- Read tables, updated by subscribing event handlers in the command's transaction.
-- version = sequence number of the last event applied to the row. Uniqueness of names is
-- decided by ticket_configuration_name alone.

CREATE TABLE ticket_category (
    category_id VARCHAR(36)  PRIMARY KEY,
    tenant_id   VARCHAR(100) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    position    INTEGER,                 -- 1 = first among active categories; NULL once archived
    archived    BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL
);
CREATE INDEX ticket_category_in_order ON ticket_category (tenant_id, archived, position);

CREATE TABLE ticket_custom_field (
    field_id             VARCHAR(36)  PRIMARY KEY,
    tenant_id            VARCHAR(100) NOT NULL,
    key                  VARCHAR(50)  NOT NULL,
    label                VARCHAR(100) NOT NULL,
    type                 VARCHAR(20)  NOT NULL,
    options              JSONB        NOT NULL,
    required             BOOLEAN      NOT NULL,
    visible_to_customers BOOLEAN      NOT NULL,
    retired              BOOLEAN      NOT NULL DEFAULT FALSE,
    defined_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL,
    UNIQUE (tenant_id, key)
);

CREATE TABLE ticket_priority_list (
    tenant_id  VARCHAR(100) PRIMARY KEY,
    priorities JSONB        NOT NULL,     -- lowest first
    version    BIGINT       NOT NULL
);

CREATE TABLE ticket_status_label (
    label_id   VARCHAR(36)  PRIMARY KEY,
    tenant_id  VARCHAR(100) NOT NULL,
    label      VARCHAR(60)  NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    defined_at TIMESTAMPTZ  NOT NULL,
    version    BIGINT       NOT NULL
);
CREATE INDEX ticket_status_label_by_label ON ticket_status_label (tenant_id, lower(label));

CREATE TABLE ticket_canned_response (
    canned_response_id VARCHAR(36)  PRIMARY KEY,
    tenant_id          VARCHAR(100) NOT NULL,
    title              VARCHAR(200) NOT NULL,
    body               TEXT         NOT NULL,
    set_status         VARCHAR(20),
    add_tags           JSONB        NOT NULL,
    assign_group_id    VARCHAR(100),
    created_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE INDEX ticket_canned_response_by_tenant ON ticket_canned_response (tenant_id, lower(title));
