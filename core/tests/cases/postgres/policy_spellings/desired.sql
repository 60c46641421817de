-- The same policies as pg_dump prints them (defaults written out, expressions
-- parenthesised, literals cast): no change. Only docs_label really changes.
CREATE TABLE public.docs (
    id integer NOT NULL,
    owner text,
    label text
);
ALTER TABLE ONLY public.docs
    ADD CONSTRAINT docs_pkey PRIMARY KEY (id);
CREATE POLICY docs_owner ON public.docs AS PERMISSIVE FOR ALL TO public USING ((owner = CURRENT_USER));
CREATE POLICY docs_insert ON public.docs FOR INSERT WITH CHECK (((label <> 'secret'::text) AND (id > 0)));
CREATE POLICY docs_label ON public.docs FOR SELECT TO public USING ((label = ANY (ARRAY['public'::text, 'shared'::text])));
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
