-- pg_dump -s output given with the SQLite dialect.
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.t (
    id integer NOT NULL,
    n integer DEFAULT '1'::integer
);
ALTER TABLE public.t OWNER TO app;
CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
