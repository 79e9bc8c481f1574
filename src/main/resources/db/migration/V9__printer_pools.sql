-- Printer pools: a station may print on several printers (printer= takes a comma-separated list).
-- pool holds the printers a badge may go to, in order, or NULL when it goes to one printer only;
-- printer is the one that printed it, or the one it goes to next (the print worker chooses among
-- the pool's printers when it sends).
ALTER TABLE print_job ADD COLUMN pool VARCHAR(1000);
