#!/usr/bin/env bash
# The fleet job jar on a real, standalone Flink session cluster (README "Fleet", "On a Flink cluster"), end to end:
#   - a Kafka broker (KRaft, kafka.Kafka from the Kafka jars) in a JVM of its own;
#   - a Flink JobManager (StandaloneSessionClusterEntrypoint) and a TaskManager (TaskManagerRunner) as two more JVMs,
#     each with a class path of what a Flink distribution's lib/ holds (bench/fleet-cluster/flink-lib/pom.xml) and
#     none of the job's jars: the job jar is loaded in Flink's child-first user-code class loader, as on any cluster;
#   - recorded sample cases shipped with `ransomtrace fleet ship`, each case its own host; the jar submitted with
#     Flink's own CLI (CliFrontend: what `flink run` runs) exactly as the README says; the findings topic read
#     read_committed and compared host by host with `ransomtrace scan --json` of the same logs;
#   - the job cancelled after a completed checkpoint and resumed with `run -s <checkpoint>`: the findings topic
#     must then hold each finding once and equal the uninterrupted run;
#   - throughput of the job on the cluster at -p 1 and -p 2 over a synthetic fleet (bench/fleet-bench.sh's).
# Needs the build (mvn -q -DskipTests package), curl, and a few GB of free memory (TaskManager 3 GB). Minutes, not a
# test. Every port is a random free one on 127.0.0.1; everything goes into bench-data/fleet-cluster/ (git-ignored);
# the processes it starts are stopped when it ends.
# usage: bench/fleet-cluster.sh [SYNTHETIC_HOSTS] [EVENTS_PER_HOST] [CASE...]
#   defaults: 20 hosts x 50,000 events for the throughput and resume runs (fewer events and a locker's campaign
#   closes only at the end of its host's input, so no finding is committed before the cancel), and the cases below
#   for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
synthetic_hosts="${1:-20}" synthetic_events="${2:-50000}"
shift $(( $# < 2 ? $# : 2 ))
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=(attack-openssl-find attack-gpg-shred attack-7z-zip attack-ccrypt-recursive attack-multiproc
         attack-throttled benign-git-clone benign-logrotate benign-openssl-archive mixed-workday)
fi

jar="$repo/fleet/target/ransomtrace-fleet-job.jar"
[ -f "$jar" ] && [ -f app/target/ransomtrace-app.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }
for c in "${cases[@]}"; do
  [ -d "sample-cases/cases/$c" ] || { echo "no such sample case: $c" >&2; exit 2; }
done

work="$repo/bench-data/fleet-cluster"
rm -rf "$work"
mkdir -p "$work"/{conf,log,tmp,kafka-data,checkpoints,scan,synthetic}
say() { printf '\n== %s\n' "$*"; }

# ---- class paths: what a cluster's lib/ holds, what a Kafka broker runs on, the checker (fleet test classes) -----
resolve() { # pom output-file
  mvn -B -ntp -o -q -f "$1" dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$2" >/dev/null 2>&1 \
    || mvn -B -ntp -q -f "$1" dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$2"
}
resolve bench/fleet-cluster/flink-lib/pom.xml "$work/flink-lib.txt"
resolve bench/fleet-cluster/kafka-lib/pom.xml "$work/kafka-lib.txt"
flink_cp="$(cat "$work/flink-lib.txt")" kafka_cp="$(cat "$work/kafka-lib.txt")"
mvn -B -ntp -q -o -pl fleet -am test-compile -DskipTests >/dev/null 2>&1 || mvn -B -ntp -q -pl fleet -am test-compile -DskipTests
# the checker reads Kafka with the job jar's clients and Jackson, logging through the cluster's slf4j and log4j
check_cp="$repo/fleet/target/test-classes:$jar:$flink_cp"
check() { java -cp "$check_cp" io.ransomtrace.fleet.bench.ClusterCheck "$@"; }

# ---- random free ports on the loopback interface ------------------------------------------------------------------
taken=" "
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    case "$taken" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then taken="$taken$p "; echo "$p"; return; fi
  done
}

# ---- processes we start, stopped at exit (by their own pid) ---------------------------------------------------------
pids=()
stop_all() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop_all EXIT
wait_for() { # seconds description command...
  local limit=$1 what=$2; shift 2
  local deadline=$(( SECONDS + limit ))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "timed out after ${limit}s waiting for $what" >&2; exit 1; }
    sleep 0.5
  done
}

opens="" # what Flink's own scripts open on Java 17
for p in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time java.util \
         java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done

# ---- Kafka: one KRaft node (broker and controller), its own JVM ---------------------------------------------------
kafka_port=$(free_port) controller_port=$(free_port)
bootstrap="127.0.0.1:$kafka_port"
cat > "$work/conf/kafka.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$work/kafka-data
# a broker's defaults otherwise: topics made on first use (by fleet ship), 2 partitions each for the -p 2 run
auto.create.topics.enable=true
num.partitions=2
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
cat > "$work/conf/log4j2-kafka.properties" <<EOF
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=$work/log/kafka.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
EOF
say "Kafka broker at $bootstrap"
kafka_java=(java -Xmx1g -Dlog4j2.configurationFile="$work/conf/log4j2-kafka.properties" -cp "$kafka_cp")
"${kafka_java[@]}" kafka.tools.StorageTool format -t "$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid)" \
  -c "$work/conf/kafka.properties" >"$work/log/kafka-format.out"
"${kafka_java[@]}" kafka.Kafka "$work/conf/kafka.properties" >"$work/log/kafka.out" 2>&1 &
pids+=($!)
wait_for 90 "the Kafka broker" check topics "$bootstrap"

# ---- Flink: a standalone session cluster, JobManager and TaskManager in JVMs of their own --------------------------
jm_rpc=$(free_port) rest=$(free_port) blob=$(free_port) tm_rpc=$(free_port) tm_data=$(free_port)
cat > "$work/conf/config.yaml" <<EOF
jobmanager:
  rpc:
    address: 127.0.0.1
    port: $jm_rpc
  bind-host: 127.0.0.1
  memory:
    process:
      size: 1024m
taskmanager:
  host: 127.0.0.1
  bind-host: 127.0.0.1
  rpc:
    port: $tm_rpc
  data:
    port: $tm_data
  numberOfTaskSlots: 2
  memory:
    process:
      size: 3072m
    # the job keeps its state on the heap (hashmap backend): no managed (RocksDB) memory needed
    managed:
      fraction: 0.05
rest:
  address: 127.0.0.1
  bind-address: 127.0.0.1
  port: $rest
blob:
  server:
    port: "$blob"
io:
  tmp:
    dirs: $work/tmp
parallelism:
  default: 1
EOF
# log4j 2 configuration as a distribution's conf/ has it: one file per process (log.file), the CLI's own
for name in log4j log4j-cli; do
  cat > "$work/conf/$name.properties" <<'EOF'
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=${sys:log.file}
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
logger.kafka.name=org.apache.kafka
logger.kafka.level=WARN
EOF
done
# JVM options and memory settings computed from config.yaml as the distribution's bin/ scripts do (BashJavaUtils:
# the last two lines of its output are the JVM options and the -D settings for the process)
resource_params() { # GET_JM_RESOURCE_PARAMS | GET_TM_RESOURCE_PARAMS
  java -cp "$flink_cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$work/conf" \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}
mapfile -t jm_params < <(resource_params GET_JM_RESOURCE_PARAMS)
mapfile -t tm_params < <(resource_params GET_TM_RESOURCE_PARAMS)
[ ${#jm_params[@]} -eq 2 ] && [ ${#tm_params[@]} -eq 2 ] || { echo "BashJavaUtils gave no memory settings" >&2; exit 1; }
say "Flink JobManager (REST at 127.0.0.1:$rest) and TaskManager (2 slots)"
# shellcheck disable=SC2086 # the JVM options and -D settings are lists of words
java ${jm_params[0]} $opens -Dlog.file="$work/log/jobmanager.log" -Dlog4j.configurationFile="$work/conf/log4j.properties" \
  -cp "$flink_cp" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
  --configDir "$work/conf" --executionMode cluster ${jm_params[1]} >"$work/log/jobmanager.out" 2>&1 &
pids+=($!)
rest_url="http://127.0.0.1:$rest"
wait_for 120 "the JobManager" curl -sf "$rest_url/overview"
# shellcheck disable=SC2086
java ${tm_params[0]} $opens -Dlog.file="$work/log/taskmanager.log" -Dlog4j.configurationFile="$work/conf/log4j.properties" \
  -cp "$flink_cp" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
  --configDir "$work/conf" ${tm_params[1]} >"$work/log/taskmanager.out" 2>&1 &
pids+=($!)
wait_for 120 "the TaskManager to register" sh -c "curl -sf $rest_url/overview | grep -q '\"slots-total\":2'"

# `flink ARGS...`: Flink's CLI as bin/flink runs it (its own JVM, the cluster's lib/, FLINK_CONF_DIR)
flink() {
  FLINK_CONF_DIR="$work/conf" java $opens -Dlog.file="$work/log/flink-cli.log" \
    -Dlog4j.configurationFile="$work/conf/log4j-cli.properties" -cp "$flink_cp" org.apache.flink.client.cli.CliFrontend "$@"
}

echo "Flink $(curl -sf "$rest_url/config" | sed -n 's/.*"flink-version":"\([^"]*\)".*/\1/p'), cluster up"

# ---- the recorded cases: shipped, each case a host of its own; scan of the same logs ----------------------------
say "Shipping ${#cases[@]} recorded cases (each its own host) into topic audit"
for c in "${cases[@]}"; do
  ./ransomtrace fleet ship --bootstrap "$bootstrap" --topic audit --host "$c" "sample-cases/cases/$c" | tail -n 1
  ./ransomtrace scan -q "sample-cases/cases/$c" --json "$work/scan/$c.json" >/dev/null || [ $? -eq 1 ]
done

# `submit OUT_TOPIC ARGS...`: the README's command, with Flink's CLI, into findings topic OUT_TOPIC
submit() {
  local out=$1; shift
  flink run "$@" "$jar" job --bootstrap "$bootstrap" --in "${in_topic:-audit}" --out "$out" --status "$out-status" \
    --group "rt-$out" --checkpoint-dir "file://$work/checkpoints/$out" --checkpoint-interval 2 --until-end
}
runtime_of() { sed -n 's/.*job ran \([0-9.]*\) s.*/\1/p' "$1" | tail -n 1; }

job_of() { sed -n 's/^Job \([0-9a-f]\{32\}\) running.*/\1/p' "$1" | head -n 1; }
job_state() { curl -sf "$rest_url/jobs/$1" | sed -n 's/^{"jid":"[0-9a-f]*","name":"[^"]*","isStoppable":[a-z]*,"state":"\([A-Z]*\)".*/\1/p'; }
vertex_parallelism() { curl -sf "$rest_url/jobs/$1" | grep -o '"parallelism":[0-9]*' | cut -d: -f2 | sort -u | tr '\n' ' '; }

say "flink run -p 2 $(basename "$jar") job ... (no --parallelism: the job takes the CLI's -p), to the end of the input"
submit findings -p 2 | tee "$work/log/run-cases.out"
job=$(job_of "$work/log/run-cases.out")
echo "job $job: state $(job_state "$job"), operators at parallelism $(vertex_parallelism "$job")"
say "Findings on the cluster against ransomtrace scan of the same logs, host by host"
cases_rc=0
check compare "$bootstrap" findings findings-status "$work/scan" || cases_rc=$?

# ---- throughput: a synthetic fleet (bench/fleet-bench.sh's generator) at -p 1 and -p 2 ----------------------------
say "Throughput on the cluster: $synthetic_hosts synthetic hosts x $synthetic_events events"
java -cp "$repo/fleet/target/test-classes:$repo/fleet/target/classes:$repo/detection-engine/target/classes:$repo/importers/target/classes" \
  io.ransomtrace.fleet.bench.SyntheticFleet "$synthetic_hosts" "$synthetic_events" "$work/synthetic"
./ransomtrace fleet ship --bootstrap "$bootstrap" --topic synthetic "$work/synthetic" | tail -n 1
in_topic=synthetic
declare -A rate
for p in 1 2; do
  submit "synthetic-p$p" -p "$p" > "$work/log/run-synthetic-p$p.out"
  job=$(job_of "$work/log/run-synthetic-p$p.out")
  seconds=$(runtime_of "$work/log/run-synthetic-p$p.out")
  events=$(check events "$bootstrap" "synthetic-p$p-status")
  rate[$p]=$(awk -v e="$events" -v s="$seconds" 'BEGIN { printf "%.0f", e / s }')
  printf -- '-p %s: %s events in %s s (the job'"'"'s run time on the cluster, from its start to its end): %s events/s; operators at parallelism %s\n' \
    "$p" "$events" "$seconds" "${rate[$p]}" "$(vertex_parallelism "$job")"
done
awk -v a="${rate[1]}" -v b="${rate[2]}" 'BEGIN { printf "-p 2 / -p 1: %.2f (this machine: %d cores, shared with the JobManager, Kafka and whatever else runs)\n", b / a, '"$(nproc)"' }'
same_rc=0
check same "$bootstrap" synthetic-p1 synthetic-p2 || same_rc=$?

# ---- cancel after a completed checkpoint, resume with run -s: each finding once ----------------------------------
say "Cancel the job after a completed checkpoint, resume it with flink run -s"
submit synthetic-resumed -d -p 2 > "$work/log/run-resumed-1.out"
job=$(job_of "$work/log/run-resumed-1.out")
completed() { curl -sf "$rest_url/jobs/$job/checkpoints" | sed -n 's/.*"counts":{[^}]*"completed":\([0-9]*\).*/\1/p'; }
# cancelled once a checkpoint has committed findings, so that a finding written twice would show
until [ "$(check count "$bootstrap" synthetic-resumed)" -ge 1 ] || [ "$(job_state "$job")" != RUNNING ]; do sleep 1; done
flink cancel "$job" 2>&1 | tail -n 1 || true # fails if the job ended first: said below
wait_for 60 "job $job to stop" sh -c "curl -sf $rest_url/jobs/$job | grep -q '\"state\":\"\(CANCELED\|FINISHED\)\"'"
state=$(job_state "$job")
# the newest complete checkpoint (one being written when the job was cancelled has no _metadata)
chk=$(dirname "$(ls "$work/checkpoints/synthetic-resumed/$job"/chk-*/_metadata | sort -t- -k2 -n | tail -n 1)")
echo "job $job: $state after $(completed) completed checkpoints; newest kept: $chk; findings committed by then:"
check same "$bootstrap" synthetic-p1 synthetic-resumed || true
resume_rc=0
if [ "$state" != CANCELED ]; then
  echo "the job ended before it was cancelled: no proof of a resume (run with more EVENTS_PER_HOST)"
  resume_rc=1
else
  submit synthetic-resumed -s "$chk" -d -p 2 > "$work/log/run-resumed-2.out"
  job=$(job_of "$work/log/run-resumed-2.out")
  # a bounded run restored from a checkpoint must still end (the Kafka connector alone never would: RestorableKafkaSource)
  wait_for 600 "the resumed job $job to end" sh -c "curl -sf $rest_url/jobs/$job | grep -q '\"state\":\"\(FINISHED\|FAILED\|CANCELED\)\"'"
  echo "resumed job $job from $(basename "$chk"): $(job_state "$job")"
  echo "after the resume:"
  check same "$bootstrap" synthetic-p1 synthetic-resumed || resume_rc=$?
fi

say "Summary"
[ $cases_rc -eq 0 ] && echo "recorded cases: every host's findings on the cluster equal scan's" || echo "recorded cases: DIFFER from scan"
[ $same_rc -eq 0 ] && echo "synthetic fleet: -p 1 and -p 2 gave the same findings" || echo "synthetic fleet: -p 1 and -p 2 DIFFER"
[ $resume_rc -eq 0 ] && echo "cancel + run -s: each finding once, equal to the uninterrupted run" || echo "cancel + run -s: NOT proven"
echo "throughput on the cluster: -p 1 ${rate[1]} events/s, -p 2 ${rate[2]} events/s ($(nproc) cores)"
[ $cases_rc -eq 0 ] && [ $same_rc -eq 0 ] && [ $resume_rc -eq 0 ]
