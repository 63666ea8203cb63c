-- The two databases of the migration: the monolith's legacy tables and the recipients service's.
CREATE DATABASE legacy;
CREATE DATABASE recipients;
