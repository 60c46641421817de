create table Orders (ID int, Name VARCHAR(10), price DECIMAL(8,2) default '0.00', CONSTRAINT orders_pkey PRIMARY KEY (id), check (price >= 0));
