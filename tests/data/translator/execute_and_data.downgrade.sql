DELETE FROM account WHERE id IN (1, 2, 3, 4, -5, 100);

