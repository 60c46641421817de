-- Comments of keys and indexes are part of their definitions in MySQL: no statement sets one
-- alone, so a changed comment drops and re-adds the key (as sqldef's
-- CreateTableChangePrimaryKeyWithComment expects).
CREATE TABLE friends (
  user_id bigint NOT NULL,
  friend_id bigint NOT NULL,
  email varchar(100) NOT NULL,
  nick varchar(50),
  PRIMARY KEY (user_id),
  UNIQUE KEY uq_email (email) COMMENT 'one account per address',
  KEY ix_nick (nick) COMMENT 'old'
);
