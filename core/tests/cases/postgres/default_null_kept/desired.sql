CREATE TABLE users (
    id integer PRIMARY KEY,
    name varchar(40) DEFAULT NULL,
    note text,
    nick varchar(20) DEFAULT NULL
);

CREATE TABLE posts (
    id integer PRIMARY KEY,
    user_id integer DEFAULT NULL REFERENCES users (id),
    title varchar(100) DEFAULT NULL::character varying
);
