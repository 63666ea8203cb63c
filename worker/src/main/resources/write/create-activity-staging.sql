CREATE TEMP TABLE activity_staging (LIKE recipient_activity) ON COMMIT DROP
