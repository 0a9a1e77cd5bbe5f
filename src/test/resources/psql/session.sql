CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2), added date, ok boolean DEFAULT true);
INSERT INTO items VALUES (1, 'apple', 1.5, '2024-01-02'), (2, 'pear', 2.25, NULL), (3, 'fig', NULL, '2024-03-04');
SELECT * FROM items ORDER BY id;
SELECT name, price * 2 AS double_price FROM items WHERE price IS NOT NULL ORDER BY name;
UPDATE items SET price = 3, ok = false WHERE id = 3 RETURNING *;
DELETE FROM items WHERE id = 2;
SELECT count(*), sum(price), avg(price), min(name), max(added) FROM items;
INSERT INTO items VALUES (1, 'dup', 0, NULL);
INSERT INTO items (id, name) VALUES (4, NULL);
SELECT 1/0;
SELECT nosuchcolumn FROM items;
SELECT * FROM nosuchtable;
SELEC 1;
BEGIN;
INSERT INTO items VALUES (10, 'temp', 1, NULL);
SELECT 1 + 'x';
SELECT 1;
ROLLBACK;
SELECT id, name FROM items ORDER BY id DESC;
SHOW DateStyle;
SET application_name = 'psql-test';
SHOW application_name;
COPY items (id, name, price) FROM STDIN;
20	cherry	4.75
21	kiwi	\N
\.
COPY items TO STDOUT;
COPY (SELECT id, name FROM items WHERE id > 3 ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER);
SELECT 'a' || 'b' AS ab, 7 % 3 AS m, 2.5::float8 * 2 AS f, 'x'::varchar(3) AS v, CAST('2024-02-29' AS date) + 1 AS d;
DROP TABLE items;
DROP TABLE IF EXISTS items;
