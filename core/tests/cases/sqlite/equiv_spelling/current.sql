create table Products (
  ID integer primary key,
  Name text not null collate nocase,
  price numeric(10,2) default 0,
  check (price >= 0)
);
create index idx_products_name on PRODUCTS (name);
create view cheap as select id, name from products where price < 10;
