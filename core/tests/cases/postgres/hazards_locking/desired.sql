CREATE TABLE customer (id integer PRIMARY KEY);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customer (id), total bigint, note varchar(100));
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE fresh (id integer PRIMARY KEY, customer_id integer REFERENCES customer (id));
CREATE INDEX fresh_customer_id_idx ON fresh (customer_id);
