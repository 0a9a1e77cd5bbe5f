/**
 * Operators that pull rows from the plan's sources through transactions and table access, and expressions compiled
 * once per plan into small evaluators.
 */
package io.tuskdb.sql.executor;
