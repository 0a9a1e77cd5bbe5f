/**
 * Logical and physical plans (immutable), built from the bound tree: predicate push-down, primary-key range scans,
 * join choice.
 */
package io.tuskdb.sql.planner;
