-- Policies written by hand: the defaults PostgreSQL fills in left out.
CREATE TABLE docs (id integer PRIMARY KEY, owner text, label text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs USING (owner = current_user);
CREATE POLICY docs_insert ON docs FOR INSERT WITH CHECK (label <> 'secret' AND id > 0);
CREATE POLICY docs_label ON docs FOR SELECT USING (label = 'public');
