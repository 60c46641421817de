CREATE TABLE customers (
  id int NOT NULL PRIMARY KEY,
  name varchar(40)
);
CREATE TABLE ORDERS (
  id int NOT NULL PRIMARY KEY,
  customer_id int,
  FOREIGN KEY (customer_id) REFERENCES CUSTOMERS (id)
);
CREATE INDEX by_customer_and_id ON orders (customer_id, id);
