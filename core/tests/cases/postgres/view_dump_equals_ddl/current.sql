--
-- PostgreSQL database dump
--

\restrict PpeXN8nOU0Z9gkZvMP21PwoIPr6d9Mgb1UlyX2scIgom9ykxDL2rnk8KbgkOPps

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
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    name text NOT NULL,
    active boolean DEFAULT true NOT NULL
);


--
-- Name: active_users; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.active_users AS
 SELECT users.id,
    users.name
   FROM public.users
  WHERE users.active;


--
-- Name: posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posts (
    id integer NOT NULL,
    user_id integer NOT NULL,
    title text
);


--
-- Name: flat; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.flat AS
 SELECT u.id,
    q.title
   FROM (((public.users u
     JOIN public.posts p ON ((p.user_id = u.id)))
     LEFT JOIN public.posts q ON ((q.id = p.id)))
     JOIN public.users w ON ((w.id = q.user_id)));


--
-- Name: nested; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.nested AS
 SELECT u.id
   FROM ((public.users u
     JOIN public.posts p ON ((p.user_id = u.id)))
     LEFT JOIN public.posts q ON ((q.id = p.id)));


--
-- Name: post_counts; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.post_counts AS
 SELECT p.user_id,
    count(*) AS posts
   FROM public.posts p
  GROUP BY p.user_id;


--
-- Name: sub; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.sub AS
 SELECT s.id
   FROM (( SELECT users.id
           FROM public.users) s
     JOIN (public.posts p
     JOIN public.users z ON ((z.id = p.user_id))) ON ((p.id = s.id)));


--
-- Name: user_names; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.user_names AS
 SELECT u.id AS user_id,
    u.name
   FROM public.users u;


--
-- Name: user_posts; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.user_posts AS
 SELECT users.id,
    posts.id AS post_id,
    posts.title
   FROM (public.users
     JOIN public.posts ON ((posts.user_id = users.id)));


--
-- Name: posts posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict PpeXN8nOU0Z9gkZvMP21PwoIPr6d9Mgb1UlyX2scIgom9ykxDL2rnk8KbgkOPps

