-- pg_dump -s of the database on the current side; the desired side is SQLModel's DDL. The
-- revision file writes the generic SQLAlchemy types a model declares (sa.JSON(), sa.Double(),
-- sa.Interval()) and one spelling of the default both sides share, in upgrade and downgrade.
CREATE TABLE public.task (
    id integer NOT NULL,
    priority character varying DEFAULT 'medium'::character varying,
    payload json,
    estimate interval
);
ALTER TABLE ONLY public.task
    ADD CONSTRAINT task_pkey PRIMARY KEY (id);
