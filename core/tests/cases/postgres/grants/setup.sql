DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'readonly_user') THEN CREATE ROLE readonly_user; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'My User') THEN CREATE ROLE "My User"; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'writer') THEN CREATE ROLE writer; END IF; END $$;
