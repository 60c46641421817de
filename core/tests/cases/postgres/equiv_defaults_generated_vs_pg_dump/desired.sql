
CREATE TYPE public.status AS ENUM (
    'active',
    'done'
);

CREATE TABLE public.f (
    id integer NOT NULL,
    done boolean DEFAULT false NOT NULL,
    flag boolean DEFAULT true,
    n numeric GENERATED ALWAYS AS ((id * 2)) STORED,
    label text GENERATED ALWAYS AS (('x'::text || id)) STORED,
    x character varying(10) DEFAULT NULL::character varying,
    y text,
    c text COLLATE pg_catalog."POSIX",
    d text COLLATE pg_catalog."C",
    ts timestamp without time zone DEFAULT now(),
    amount numeric(10,2) DEFAULT 0,
    r real DEFAULT 1.5,
    j jsonb DEFAULT '{}'::jsonb
);

CREATE TABLE public.g (
    id integer NOT NULL,
    email character varying(100),
    price numeric(10,2),
    qty integer,
    a integer,
    b integer,
    lower_email text GENERATED ALWAYS AS (lower((email)::text)) STORED,
    total numeric GENERATED ALWAYS AS ((price * (qty)::numeric)) STORED,
    total2 numeric GENERATED ALWAYS AS ((price * 1.1)) STORED,
    s integer GENERATED ALWAYS AS ((a + b)) STORED,
    k text GENERATED ALWAYS AS (
CASE
    WHEN (a > 0) THEN 'pos'::text
    ELSE 'neg'::text
END) STORED,
    co text GENERATED ALWAYS AS (COALESCE(email, 'none'::character varying)) STORED,
    st public.status DEFAULT 'active'::public.status,
    tags text[] DEFAULT ARRAY[]::text[],
    tags2 text[] DEFAULT '{}'::text[],
    created timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
    created2 timestamp with time zone DEFAULT (now() AT TIME ZONE 'utc'::text),
    day date DEFAULT CURRENT_DATE,
    dd timestamp without time zone DEFAULT date_trunc('day'::text, now()),
    vv character varying(20) DEFAULT 'x'::character varying,
    iv interval DEFAULT '1 day'::interval,
    t0 timestamp without time zone DEFAULT '2020-01-01 00:00:00'::timestamp without time zone,
    big bigint DEFAULT '-1'::integer,
    num numeric DEFAULT 1.50,
    u uuid DEFAULT gen_random_uuid(),
    sub text GENERATED ALWAYS AS (SUBSTRING(email FROM 1 FOR 3)) STORED,
    cat text GENERATED ALWAYS AS ((((email)::text || '-'::text) || (a)::text)) STORED,
    ex integer GENERATED ALWAYS AS ((EXTRACT(year FROM created))::integer) STORED
);

CREATE VIEW public.v AS
 SELECT f.id,
    NULL::text AS nothing,
    NULL::integer AS z
   FROM public.f;

ALTER TABLE ONLY public.f
    ADD CONSTRAINT f_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.g
    ADD CONSTRAINT g_pkey PRIMARY KEY (id);

