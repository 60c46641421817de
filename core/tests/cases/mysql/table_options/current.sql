CREATE TABLE logs (
  id bigint NOT NULL PRIMARY KEY,
  line text
) ENGINE=MyISAM DEFAULT CHARSET=latin1;
CREATE TABLE settings (
  name varchar(50) NOT NULL PRIMARY KEY
) COMMENT='old';
