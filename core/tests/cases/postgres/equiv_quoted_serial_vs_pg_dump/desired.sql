\restrict V21AGOwoxsuuU4zvWeIrY2J0u145h2mAgOyyST59z1GAY1csiswn40tMW7NKUWW
SELECT pg_catalog.set_config('search_path', '', false);
CREATE SCHEMA "Mixed";
CREATE TABLE "Mixed"."Other" (
    id bigint NOT NULL
);
CREATE SEQUENCE "Mixed"."Other_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE "Mixed"."Other_id_seq" OWNED BY "Mixed"."Other".id;
CREATE TABLE public."TBL_LEGACY" (
    id integer NOT NULL,
    "Name" text
);
CREATE SEQUENCE public."TBL_LEGACY_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public."TBL_LEGACY_id_seq" OWNED BY public."TBL_LEGACY".id;
ALTER TABLE ONLY "Mixed"."Other" ALTER COLUMN id SET DEFAULT nextval('"Mixed"."Other_id_seq"'::regclass);
ALTER TABLE ONLY public."TBL_LEGACY" ALTER COLUMN id SET DEFAULT nextval('public."TBL_LEGACY_id_seq"'::regclass);
ALTER TABLE ONLY "Mixed"."Other"
    ADD CONSTRAINT "Other_pkey" PRIMARY KEY (id);
ALTER TABLE ONLY public."TBL_LEGACY"
    ADD CONSTRAINT "TBL_LEGACY_pkey" PRIMARY KEY (id);
\unrestrict V21AGOwoxsuuU4zvWeIrY2J0u145h2mAgOyyST59z1GAY1csiswn40tMW7NKUWW
