/**
 * CSV importer for exports from any EDR or SIEM, driven by a YAML column mapping ({@link
 * io.ransomtrace.importers.csv.CsvMapping}: load, save, check against a header with readable messages) and the
 * built-in mappings of {@link io.ransomtrace.importers.csv.CsvMappings}. Entry point {@link
 * io.ransomtrace.importers.csv.CsvImporter}.
 */
package io.ransomtrace.importers.csv;
