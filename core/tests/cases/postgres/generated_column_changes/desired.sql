CREATE TABLE prices (id int PRIMARY KEY, amount numeric, taxed numeric, label text GENERATED ALWAYS AS ('no. ' || id) STORED);
