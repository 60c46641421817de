--
-- PostgreSQL database dump
--

\restrict n8Xgm52eaR8bNdnrAPldTqMbhk2qqO8yzvQtWJdUbQ6cSjrLjWbcxWgXIGHF2eq

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: b; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.b (
    id integer NOT NULL,
    m bigint NOT NULL
);


--
-- Name: a_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.a_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: a_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.a_id_seq OWNED BY public.b.id;


--
-- Name: a_n_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.a_n_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: a_n_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.a_n_seq OWNED BY public.b.m;


--
-- Name: b id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.b ALTER COLUMN id SET DEFAULT nextval('public.a_id_seq'::regclass);


--
-- Name: b m; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.b ALTER COLUMN m SET DEFAULT nextval('public.a_n_seq'::regclass);


--
-- Name: b a_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.b
    ADD CONSTRAINT a_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict n8Xgm52eaR8bNdnrAPldTqMbhk2qqO8yzvQtWJdUbQ6cSjrLjWbcxWgXIGHF2eq

