/* The floor for issue #9: the least work any generator must do for a corpus of case studies. It
 * reads every `*.md` file in a folder and renders each body (the text after the front matter) to HTML
 * with libcmark, splitting the files across threads. Nothing is written.
 *
 *     cc -O2 -pthread floor.c -lcmark -o floor
 *     ./floor DIR [THREADS]      (THREADS defaults to 2)
 *
 * Prints the number of files rendered and the bytes read and produced. Exits 1 if the folder cannot
 * be read or holds no `.md` file, 2 if a file cannot be read.
 */
#include <cmark.h>
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **paths;
static size_t path_count;
static atomic_size_t next_path;
static atomic_int failed;

typedef struct {
    size_t files, bytes_in, bytes_out;
} totals;

/* Where the body starts: after the closing `---` line when the file opens with a `---` line. */
static size_t body_offset(const char *text, size_t len) {
    if (len < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r')) return 0;
    const char *first = memchr(text, '\n', len);
    if (!first) return 0;
    size_t pos = (size_t)(first - text) + 1;
    while (pos < len) {
        const char *end = memchr(text + pos, '\n', len - pos);
        size_t line_end = end ? (size_t)(end - text) : len;
        size_t line_len = line_end - pos;
        if (line_len > 0 && text[line_end - 1] == '\r') line_len--;
        if (line_len == 3 && strncmp(text + pos, "---", 3) == 0) return end ? line_end + 1 : len;
        pos = line_end + 1;
    }
    return 0; /* no closing line: treat the whole file as the body */
}

static void *work(void *arg) {
    totals *t = arg;
    size_t capacity = 1 << 16;
    char *buffer = malloc(capacity);
    for (;;) {
        size_t i = atomic_fetch_add(&next_path, 1);
        if (i >= path_count || !buffer) break;
        FILE *f = fopen(paths[i], "rb");
        if (!f) { perror(paths[i]); atomic_store(&failed, 1); continue; }
        size_t len = 0, n;
        while ((n = fread(buffer + len, 1, capacity - len - 1, f)) > 0) {
            len += n;
            if (len + 1 == capacity) {
                char *bigger = realloc(buffer, capacity * 2);
                if (!bigger) { atomic_store(&failed, 1); break; }
                buffer = bigger;
                capacity *= 2;
            }
        }
        if (ferror(f)) { perror(paths[i]); atomic_store(&failed, 1); }
        fclose(f);
        buffer[len] = 0;
        size_t start = body_offset(buffer, len);
        char *html = cmark_markdown_to_html(buffer + start, len - start, CMARK_OPT_DEFAULT);
        t->files++;
        t->bytes_in += len;
        t->bytes_out += strlen(html);
        free(html);
    }
    free(buffer);
    return NULL;
}

static int ends_with_md(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s DIR [THREADS]\n", argv[0]);
        return 64;
    }
    const char *dir = argv[1];
    int threads = argc == 3 ? atoi(argv[2]) : 2;
    if (threads < 1) threads = 1;

    DIR *d = opendir(dir);
    if (!d) { perror(dir); return 1; }
    size_t capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (!ends_with_md(entry->d_name)) continue;
        if (path_count == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        size_t n = strlen(dir) + strlen(entry->d_name) + 2;
        paths[path_count] = malloc(n);
        snprintf(paths[path_count++], n, "%s/%s", dir, entry->d_name);
    }
    closedir(d);
    if (path_count == 0) { fprintf(stderr, "%s: no .md files\n", dir); return 1; }

    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    totals *t = calloc((size_t)threads, sizeof *t);
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, work, &t[i]);
    totals all = {0, 0, 0};
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
        all.files += t[i].files;
        all.bytes_in += t[i].bytes_in;
        all.bytes_out += t[i].bytes_out;
    }
    printf("%zu files rendered (%zu bytes read, %zu bytes of HTML) on %d threads\n",
           all.files, all.bytes_in, all.bytes_out, threads);
    return atomic_load(&failed) ? 2 : 0;
}
