-- The operator's throttle and pause for this fleet, and the consumers of its live workers.
SELECT (SELECT rows_per_second FROM migration.fleet_control WHERE fleet = :fleet) AS rows_per_second,
       coalesce((SELECT paused FROM migration.fleet_control WHERE fleet = :fleet), false) AS paused,
       coalesce((SELECT sum(consumers) FROM migration.workers
                 WHERE fleet = :fleet AND state <> 'stopping'
                   AND last_seen > now() - make_interval(secs => :liveSeconds)), 0) AS live_consumers,
       (SELECT count(*) FROM migration.workers
        WHERE fleet = :fleet AND state <> 'stopping'
          AND last_seen > now() - make_interval(secs => :liveSeconds)) AS live_workers
