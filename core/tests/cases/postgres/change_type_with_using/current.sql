CREATE TABLE t (id int PRIMARY KEY, amount text DEFAULT '0', flag varchar(5), code int);
