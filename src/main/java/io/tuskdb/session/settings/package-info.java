/**
 * The settings registry (PostgreSQL's GUC): {@link io.tuskdb.session.settings.SettingDefinitions} lists every
 * parameter with PostgreSQL's name, context and boot value, one class per kind of value (boolean, integer,
 * duration, memory, enum, DateStyle, TimeZone, client_encoding); {@link io.tuskdb.session.settings.SessionSettings}
 * keeps one session's values, custom "prefix.name" placeholders included, with SET / SET LOCAL / RESET semantics
 * across commit and rollback, and flattens SET's value lists as PostgreSQL does. Depends on {@code error},
 * {@code types} (zone and interval input) and the parser's keyword list (quote_identifier) only.
 */
package io.tuskdb.session.settings;
