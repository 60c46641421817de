CREATE TABLE friends (
  user_id bigint NOT NULL,
  friend_id bigint NOT NULL,
  email varchar(100) NOT NULL,
  nick varchar(50),
  PRIMARY KEY (user_id, friend_id) COMMENT 'new primary key',
  UNIQUE KEY uq_email (email),
  KEY ix_nick (nick) COMMENT 'new',
  KEY ix_friend (friend_id) COMMENT 'made with its comment'
);
CREATE UNIQUE INDEX uq_nick_email ON friends (nick, email) COMMENT 'a unique index with a comment';
