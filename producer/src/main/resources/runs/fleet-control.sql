SELECT rows_per_second, paused, updated_at, updated_by FROM migration.fleet_control WHERE fleet = :fleet
