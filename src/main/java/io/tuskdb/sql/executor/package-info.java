/**
 * Runs plans. {@link io.tuskdb.sql.executor.PlanCompiler} compiles a plan once into {@link
 * io.tuskdb.sql.executor.OpFactory}s whose expressions are trees of small {@link io.tuskdb.sql.executor.Eval}s
 * ({@link io.tuskdb.sql.executor.ExprCompiler}); each run opens fresh, mutable operators ({@link
 * io.tuskdb.sql.executor.RowSource}) that pull rows through the transaction's {@link
 * io.tuskdb.storage.TableAccess}, checking for interrupts at row boundaries. Also the executions of utility
 * statements and COPY (text and CSV). Depends on the plan and bound-tree types, storage and txn interfaces, types
 * and functions; never on the protocol or the session's implementation.
 */
package io.tuskdb.sql.executor;
