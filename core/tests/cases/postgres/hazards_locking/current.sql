CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, total integer, note varchar(50));
CREATE TABLE customer (id integer PRIMARY KEY);
