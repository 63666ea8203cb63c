-- The application's ids for every legacy table (one sequence: ids need only be unique per table).
CREATE SEQUENCE IF NOT EXISTS app_ids
