package io.ransomtrace.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fleet job jar as a Flink cluster loads it (README "Fleet", "On a Flink cluster"; proven end to end on a
 * standalone cluster by bench/fleet-cluster.sh): a child-first user-code class loader next to the cluster's lib/,
 * which holds Flink itself and the logging, and nothing of the job. So the jar must carry everything of the job that
 * is not Flink (Kafka clients, the Kafka connector and its base, Jackson, picocli, the engine), no Flink runtime or
 * logging of its own (two copies of those in one JVM fail at run time in ways no MiniCluster test shows: the
 * MiniCluster shares one class path), merged services files that name only classes the jar has, and a main class.
 */
class FleetJobJarE2ETest {

    @Test
    void jobJarCarriesTheJobAndNothingTheClusterProvides() throws IOException {
        Path jar = RepositoryRoot.find().resolve("fleet/target/ransomtrace-fleet-job.jar");
        assumeTrue(Files.isRegularFile(jar), "fleet not packaged yet: run 'mvn verify' (or package) first");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.ransomtrace.fleet.FleetMain");
            Set<String> names = new TreeSet<>();
            j.stream().map(JarEntry::getName).forEach(names::add);

            // what the job needs and a Flink distribution's lib/ does not hold
            assertThat(names).contains("io/ransomtrace/fleet/job/FleetJob.class",
                    "io/ransomtrace/fleet/job/HostStateSerializer.class", // state serializers are restored by class name
                    "io/ransomtrace/engine/Detector.class",
                    "org/apache/kafka/clients/producer/KafkaProducer.class",
                    "org/apache/flink/connector/kafka/source/KafkaSource.class",
                    "org/apache/flink/connector/kafka/sink/KafkaSink.class",
                    "org/apache/flink/connector/base/DeliveryGuarantee.class",
                    "net/jpountz/lz4/LZ4Factory.class", // the findings sink compresses with lz4
                    "com/fasterxml/jackson/databind/ObjectMapper.class",
                    "picocli/CommandLine.class");

            // nothing the cluster provides: Flink (but the connectors), Scala, the logging, the Kafka broker
            List<String> provided = new ArrayList<>();
            for (String n : names) {
                boolean flink = n.startsWith("org/apache/flink/") && n.endsWith(".class")
                        && !n.startsWith("org/apache/flink/connector/") && !n.startsWith("org/apache/flink/streaming/connectors/")
                        && !n.startsWith("org/apache/flink/streaming/util/serialization/");
                boolean other = n.endsWith(".class") && (n.startsWith("org/slf4j/") || n.startsWith("org/apache/logging/")
                        || n.startsWith("org/apache/log4j/") || n.startsWith("ch/qos/logback/") || n.startsWith("scala/")
                        || n.startsWith("kafka/"));
                if (flink || other || n.equals("log4j2.xml") || n.equals("log4j2.properties") || n.equals("log4j.properties")) {
                    provided.add(n);
                }
            }
            assertThat(provided).as("classes and logging configuration a Flink cluster provides").isEmpty();

            // every services file names classes the jar holds (a dangling entry breaks ServiceLoader on the cluster)
            List<String> dangling = new ArrayList<>();
            int services = 0;
            for (String n : names) {
                if (!n.startsWith("META-INF/services/") || n.endsWith("/")) {
                    continue;
                }
                services++;
                try (InputStream in = j.getInputStream(j.getJarEntry(n))) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String provider = line.replaceFirst("#.*", "").trim();
                        if (!provider.isEmpty() && !names.contains(provider.replace('.', '/') + ".class")) {
                            dangling.add(n + ": " + provider);
                        }
                    }
                }
            }
            assertThat(services).isPositive();
            assertThat(dangling).isEmpty();
            assertThat(names).contains("META-INF/services/org.apache.kafka.common.config.provider.ConfigProvider");
        }
    }
}
