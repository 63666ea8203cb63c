-- For the length of a task's snapshot: no parallel workers. A company's rows are read through its
-- index; parallel workers only add the cost of shipping every row through the leader, and a
-- migration should not take the production source's parallel workers from its own queries.
SET LOCAL max_parallel_workers_per_gather = 0
