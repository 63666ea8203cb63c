DELETE FROM suppressions WHERE company_id = ? AND shard_bucket BETWEEN ? AND ?
