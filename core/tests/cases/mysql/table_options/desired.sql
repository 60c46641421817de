CREATE TABLE logs (
  id bigint NOT NULL PRIMARY KEY,
  line text
) ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=COMPRESSED;
CREATE TABLE settings (
  name varchar(50) NOT NULL PRIMARY KEY
) COMMENT='application settings';
