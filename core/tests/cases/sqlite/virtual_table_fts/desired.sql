CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT);
CREATE VIRTUAL TABLE doc_search USING fts5(body, content='doc', content_rowid='id');
