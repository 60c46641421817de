CREATE SCHEMA billing;
CREATE SEQUENCE counter START 10 INCREMENT 5;
CREATE SEQUENCE billing.invoice_no AS integer START WITH 1000;
CREATE TABLE billing.invoice (no int PRIMARY KEY DEFAULT nextval('billing.invoice_no'), total numeric(10,2) NOT NULL);
