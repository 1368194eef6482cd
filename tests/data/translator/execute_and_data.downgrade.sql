DELETE FROM account WHERE id IN (1, 2, 3, 4, -5, 6, 7, 100);

