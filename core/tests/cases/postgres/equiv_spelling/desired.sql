CREATE TABLE "orders" (
    "id"    integer   NOT NULL PRIMARY KEY,
    name    character varying(10),
    price   numeric(8,2) DEFAULT 0.00,
    CONSTRAINT orders_price_check CHECK ((price >= (0)::numeric))
);
