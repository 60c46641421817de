-- Hand-written DDL: a table renamed, then one of its keys dropped by name on the new table
-- and another added (Airflow 3's dataset -> asset revision).
CREATE TABLE dataset_alias (id int NOT NULL, name varchar(100), PRIMARY KEY (id));
CREATE UNIQUE INDEX idx_dataset_alias_name_unique ON dataset_alias (name);
ALTER TABLE dataset_alias RENAME TO asset_alias;
DROP INDEX idx_dataset_alias_name_unique ON asset_alias;
CREATE UNIQUE INDEX idx_asset_alias_name_unique ON asset_alias (name);
