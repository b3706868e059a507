package io.ransomtrace.fleet.job;

import java.io.Serializable;

/**
 * What the job needs to know, carried to the cluster with the job graph (hence text for the profile and allowlist:
 * the cluster has no access to the submitting machine's files).
 *
 * @param bootstrap          Kafka bootstrap servers
 * @param inputTopic         audit lines, key = host
 * @param findingsTopic      findings, in the scan JSON finding schema
 * @param statusTopic        lines that could not be read and end-of-input summaries; null: not written
 * @param groupId            consumer group (offsets are committed on checkpoints, for monitoring)
 * @param bounded            read to the end offsets present at start, then finish (otherwise run until stopped)
 * @param profileYaml        the detection profile as YAML, or null for the shipped default
 * @param allowlistYaml      the allowlist as YAML, or null for none
 * @param contextLines       lines kept before an alert for the finding's extract (the lines after it follow up to
 *                           a size limit)
 * @param transactionalIdPrefix prefix of the Kafka sink's transactional ids (unique per job)
 * @param quietSeconds       an unbounded job closes a host's campaigns once the fleet's clock has passed its newest
 *                           event by the profile's close times and the host has sent nothing for this long (wall
 *                           clock): a host that is merely behind the fleet's clock is not quiet
 * @param failOnceAfterCheckpoint  tests only: fail the detector once, this many records after the first
 *                           completed checkpoint of the first attempt; negative = never
 */
public record FleetJobOptions(String bootstrap, String inputTopic, String findingsTopic, String statusTopic,
                              String groupId, boolean bounded, String profileYaml, String allowlistYaml,
                              int contextLines, String transactionalIdPrefix, int quietSeconds,
                              long failOnceAfterCheckpoint)
        implements Serializable {
    public static final int DEFAULT_CONTEXT_LINES = 256;
    public static final int DEFAULT_QUIET_SECONDS = 60;
}
