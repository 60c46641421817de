"""The application's SQL helpers, re-exported as keystone's `keystone.common.sql` does."""
from appsql.core import *  # noqa
