-- A label renamed ('published' -> 'live') and one added: from two snapshots this is a label
-- lost and one added, so the enum is recreated with the drop_enum_value hazard (rows holding
-- 'published' make the conversion fail; the hazard names `ALTER TYPE .. RENAME VALUE`, which
-- keeps them). The default changes to the new label after the conversion. DOWN recreates too.
CREATE TYPE post_state AS ENUM ('draft', 'published', 'archived');
CREATE TABLE post (
    id integer PRIMARY KEY,
    state post_state NOT NULL DEFAULT 'published',
    title text
);
