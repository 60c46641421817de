CREATE TABLE sale (id int PRIMARY KEY, amount int);
