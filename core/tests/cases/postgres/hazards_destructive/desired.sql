CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TABLE person (
    id bigint PRIMARY KEY,
    name varchar(200),
    bio varchar(500),
    visits integer,
    price numeric(8,2),
    mood mood
);
