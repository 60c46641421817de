CREATE TABLE t (id int PRIMARY KEY, amount numeric(12,2) DEFAULT 0, code text, ratio numeric);
