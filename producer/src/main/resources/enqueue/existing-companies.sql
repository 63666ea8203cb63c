SELECT id FROM companies WHERE id = ANY(:companyIds) ORDER BY id
