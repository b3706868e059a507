package io.ransomtrace.importers.auditd;

import java.util.Map;

/**
 * Record type names by number. The kernel writes numbers ({@code type=1300 audit(…)}) where auditd writes names
 * ({@code type=SYSCALL msg=audit(…)}): the kernel's own lines reach dmesg, kern.log, syslog and the journal when no
 * audit daemon runs. Numbers and names as in linux/audit.h and libaudit's type table; a number not listed becomes
 * {@code UNKNOWN[n]}, what auditd itself writes for it.
 */
final class AuditRecordTypes {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1006, "LOGIN"),
            Map.entry(1100, "USER_AUTH"), Map.entry(1101, "USER_ACCT"), Map.entry(1102, "USER_MGMT"),
            Map.entry(1103, "CRED_ACQ"), Map.entry(1104, "CRED_DISP"), Map.entry(1105, "USER_START"),
            Map.entry(1106, "USER_END"), Map.entry(1107, "USER_AVC"), Map.entry(1108, "USER_CHAUTHTOK"),
            Map.entry(1109, "USER_ERR"), Map.entry(1110, "CRED_REFR"), Map.entry(1111, "USYS_CONFIG"),
            Map.entry(1112, "USER_LOGIN"), Map.entry(1113, "USER_LOGOUT"), Map.entry(1114, "ADD_USER"),
            Map.entry(1115, "DEL_USER"), Map.entry(1116, "ADD_GROUP"), Map.entry(1117, "DEL_GROUP"),
            Map.entry(1119, "CHGRP_ID"), Map.entry(1121, "TRUSTED_APP"), Map.entry(1123, "USER_CMD"),
            Map.entry(1124, "USER_TTY"), Map.entry(1125, "CHUSER_ID"), Map.entry(1126, "GRP_AUTH"),
            Map.entry(1127, "SYSTEM_BOOT"), Map.entry(1128, "SYSTEM_SHUTDOWN"), Map.entry(1129, "SYSTEM_RUNLEVEL"),
            Map.entry(1130, "SERVICE_START"), Map.entry(1131, "SERVICE_STOP"), Map.entry(1132, "GRP_MGMT"),
            Map.entry(1135, "ACCT_LOCK"), Map.entry(1136, "ACCT_UNLOCK"), Map.entry(1137, "USER_DEVICE"),
            Map.entry(1138, "SOFTWARE_UPDATE"),
            Map.entry(1200, "DAEMON_START"), Map.entry(1201, "DAEMON_END"), Map.entry(1202, "DAEMON_ABORT"),
            Map.entry(1203, "DAEMON_CONFIG"), Map.entry(1204, "DAEMON_RECONFIG"), Map.entry(1205, "DAEMON_ROTATE"),
            Map.entry(1206, "DAEMON_RESUME"),
            Map.entry(1300, "SYSCALL"), Map.entry(1302, "PATH"), Map.entry(1303, "IPC"), Map.entry(1304, "SOCKETCALL"),
            Map.entry(1305, "CONFIG_CHANGE"), Map.entry(1306, "SOCKADDR"), Map.entry(1307, "CWD"),
            Map.entry(1309, "EXECVE"), Map.entry(1311, "IPC_SET_PERM"), Map.entry(1316, "KERNEL_OTHER"),
            Map.entry(1317, "FD_PAIR"), Map.entry(1318, "OBJ_PID"), Map.entry(1319, "TTY"), Map.entry(1320, "EOE"),
            Map.entry(1321, "BPRM_FCAPS"), Map.entry(1322, "CAPSET"), Map.entry(1323, "MMAP"),
            Map.entry(1324, "NETFILTER_PKT"), Map.entry(1325, "NETFILTER_CFG"), Map.entry(1326, "SECCOMP"),
            Map.entry(1327, "PROCTITLE"), Map.entry(1328, "FEATURE_CHANGE"), Map.entry(1329, "REPLACE"),
            Map.entry(1330, "KERN_MODULE"), Map.entry(1331, "FANOTIFY"), Map.entry(1332, "TIME_INJOFFSET"),
            Map.entry(1333, "TIME_ADJNTPVAL"), Map.entry(1334, "BPF"), Map.entry(1335, "EVENT_LISTENER"),
            Map.entry(1336, "URINGOP"), Map.entry(1337, "OPENAT2"),
            Map.entry(1400, "AVC"), Map.entry(1401, "SELINUX_ERR"),
            Map.entry(1700, "ANOM_PROMISCUOUS"), Map.entry(1701, "ANOM_ABEND"), Map.entry(1702, "ANOM_LINK"),
            Map.entry(1703, "ANOM_CREAT"),
            Map.entry(2300, "USER_ROLE_CHANGE"), Map.entry(2404, "CRYPTO_KEY_USER"), Map.entry(2405, "CRYPTO_SESSION"),
            Map.entry(2406, "CRYPTO_LOGIN"), Map.entry(2407, "CRYPTO_LOGOUT"));

    private AuditRecordTypes() {
    }

    /** The name of a numeric type ({@code 1300} → {@code SYSCALL}); {@code UNKNOWN[n]} when not listed. */
    static String name(int number) {
        String n = NAMES.get(number);
        return n != null ? n : "UNKNOWN[" + number + "]";
    }
}
