-- The company's rejects in the target: R13 wants them all filed by this run.
SELECT reason, run_id = :runId AS this_run, count(*) AS n
FROM migration_rejects
WHERE company_id = :companyId
GROUP BY 1, 2
