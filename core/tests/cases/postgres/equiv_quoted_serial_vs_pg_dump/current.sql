CREATE SCHEMA "Mixed";
CREATE TABLE "TBL_LEGACY" (id serial PRIMARY KEY, "Name" text);
CREATE TABLE "Mixed"."Other" (id bigserial PRIMARY KEY);
