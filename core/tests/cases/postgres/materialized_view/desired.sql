CREATE TABLE sale (id int PRIMARY KEY, amount int);
CREATE MATERIALIZED VIEW sale_total AS SELECT sum(amount) AS total FROM sale WITH NO DATA;
CREATE INDEX sale_total_idx ON sale_total (total);
