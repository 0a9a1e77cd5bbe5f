/**
 * The settings registry (PostgreSQL's GUC): {@link io.tuskdb.session.settings.SettingDefinitions} lists every
 * parameter with PostgreSQL's name, context and boot value, one class per kind of value (boolean, integer,
 * duration, enum, DateStyle, TimeZone, client_encoding); {@link io.tuskdb.session.settings.SessionSettings} keeps
 * one session's values with SET / SET LOCAL / RESET semantics across commit and rollback. Depends only on
 * {@code error}.
 */
package io.tuskdb.session.settings;
