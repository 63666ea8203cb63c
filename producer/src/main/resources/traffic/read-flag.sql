-- A company's flag, read with a plain SELECT (no lock): a transaction that read "not frozen" may
-- still commit after the freeze hook set the flag, as an application's would.
SELECT frozen, switched FROM app_cutover_flags WHERE company_id = :company
