CREATE TABLE revision (id integer PRIMARY KEY);
CREATE TABLE package (
    id integer NOT NULL,
    code text,
    revision_id integer,
    kind text,
    CONSTRAINT package_pkey PRIMARY KEY (id),
    CONSTRAINT package_code_key UNIQUE (code),
    CONSTRAINT package_revision_id_fkey FOREIGN KEY (revision_id) REFERENCES revision (id)
);
CREATE INDEX package_kind_idx ON package (kind);
