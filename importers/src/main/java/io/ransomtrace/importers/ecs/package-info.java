/**
 * Elastic Common Schema importer: Elastic Defend / Elastic Endpoint, Auditbeat's auditd module, Auditd Manager
 * and any ECS-shaped export, as NDJSON, JSON array or pretty-printed documents. Entry point {@link
 * io.ransomtrace.importers.ecs.EcsImporter}; field mapping in {@link io.ransomtrace.importers.ecs.EcsEventMapper}.
 */
package io.ransomtrace.importers.ecs;
