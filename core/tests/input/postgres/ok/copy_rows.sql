-- A pg_dump with data: the rows of COPY .. FROM stdin are not statements.
CREATE TABLE t (id int, name text);
COPY public.t (id, name) FROM stdin;
1	one; two
2	\N
\.
CREATE TABLE u (id int);
