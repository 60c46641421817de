-- lower_case_table_names=1 (or 2): table names compare in lower case, so `Orders` and
-- `ORDERS` are one table; only the column change is a migration.
CREATE TABLE Customers (
  id int NOT NULL PRIMARY KEY,
  name varchar(20)
);
CREATE TABLE Orders (
  id int NOT NULL PRIMARY KEY,
  customer_id int,
  FOREIGN KEY (customer_id) REFERENCES Customers (id)
);
CREATE INDEX by_customer_and_id ON Orders (customer_id, id);
