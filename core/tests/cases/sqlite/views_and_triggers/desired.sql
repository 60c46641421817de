CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    balance INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER,
    note TEXT
);
CREATE VIEW rich AS SELECT id, balance FROM account WHERE balance > 5000;
CREATE VIEW poor AS SELECT id FROM account WHERE balance < 10;
CREATE TRIGGER account_touch AFTER UPDATE OF balance ON account
BEGIN
    UPDATE account SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
    INSERT INTO audit (account_id, note) VALUES (NEW.id, 'balance ' || NEW.balance);
END;
