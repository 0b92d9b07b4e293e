/*
 * floor.c — the floor for Rapport's build time: the least work any Markdown-folder-to-HTML-folder
 * tool must do on this machine. Read every .md file under IN, strip the YAML front matter, render
 * the Markdown with cmark-gfm (the parser Rapport uses) and write OUT/<path>/index.html. No
 * templates, no YAML parsing, no charts, no link checks: whatever Rapport spends above this is the
 * price of its features (and of Swift).
 *
 *   floor [-j N] IN OUT
 *
 * -j N renders with N threads. Parsing is serialised with a mutex because Debian's cmark-gfm
 * 0.29.0.gfm.6 is not thread-safe when parsers finish concurrently; rendering (cmark_render_html),
 * reading and writing run in parallel. Run with -j 1 and -j 2 and take the faster as the floor.
 *
 * Build (Debian: apt-get install libcmark-gfm-dev libcmark-gfm-extensions-dev):
 *   cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -lpthread -o floor
 */
#define _GNU_SOURCE
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Rapport's Markdown: CommonMark + tables, strikethrough, autolinks, task lists, footnotes.
 * No CMARK_OPT_UNSAFE: Rapport escapes raw HTML unless a page opts in. */
static const int OPTIONS = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
static const char *EXTENSION_NAMES[] = {"table", "strikethrough", "autolink", "tasklist"};
#define N_EXTENSIONS (sizeof EXTENSION_NAMES / sizeof EXTENSION_NAMES[0])

static cmark_syntax_extension *extensions[N_EXTENSIONS];
static cmark_llist *extension_list; /* read-only after start-up; the renderer needs it */

static char **files; /* paths relative to in_root, sorted */
static size_t n_files, cap_files;
static const char *in_root, *out_root;

static size_t next_file;                    /* work queue: index of the next file to take */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

static void die(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) { fputs("floor: out of memory\n", stderr); exit(1); }
    return p;
}

static int ends_with(const char *s, const char *suffix) {
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Collect every *.md under in_root/rel (recursively). */
static void walk(const char *rel) {
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", in_root, *rel ? "/" : "", rel);
    DIR *d = opendir(path);
    if (!d) die("cannot open folder", path);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* ., .., hidden files and folders */
        char child[4096];
        snprintf(child, sizeof child, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        char full[8192];
        snprintf(full, sizeof full, "%s/%s", in_root, child);
        struct stat st;
        if (stat(full, &st) != 0) die("cannot stat", full);
        if (S_ISDIR(st.st_mode)) {
            walk(child);
        } else if (S_ISREG(st.st_mode) && ends_with(child, ".md")) {
            if (n_files == cap_files) {
                cap_files = cap_files ? cap_files * 2 : 1024;
                files = realloc(files, cap_files * sizeof *files);
                if (!files) { fputs("floor: out of memory\n", stderr); exit(1); }
            }
            files[n_files++] = strdup(child);
        }
    }
    closedir(d);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* mkdir -p; EEXIST is fine (the other thread may have made it). */
static void make_dirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) die("cannot create", path);
        *p = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST) die("cannot create", path);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot read", path);
    struct stat st;
    if (fstat(fileno(f), &st) != 0) die("cannot stat", path);
    char *buf = xmalloc((size_t)st.st_size + 1);
    *len = fread(buf, 1, (size_t)st.st_size, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* Front matter: '---' on the first line up to the next line that is '---'. Returns the body and
 * points *title at the raw value of a 'titel:' line (or ""), NUL-terminated in place. */
static char *strip_front_matter(char *text, size_t *len, const char **title) {
    *title = "";
    if (strncmp(text, "---\n", 4) != 0) return text;
    char *line = text + 4;
    while (*line) {
        char *eol = strchr(line, '\n');
        size_t n = eol ? (size_t)(eol - line) : strlen(line);
        if (n == 3 && strncmp(line, "---", 3) == 0) {
            char *body = eol ? eol + 1 : line + n;
            *len -= (size_t)(body - text);
            return body;
        }
        if (strncmp(line, "titel: ", 7) == 0 && eol) {
            char *v = line + 7, *end = eol;
            if (*v == '"' && end > v + 1 && end[-1] == '"') { v++; end--; }
            *end = '\0'; /* the line is not Markdown: safe to cut */
            *title = v;
        }
        if (!eol) break;
        line = eol + 1;
    }
    return text; /* no closing '---': treat everything as Markdown */
}

/* projekter/side-00001.md -> OUT/projekter/side-00001/index.html;
 * projekter/_index.md and index.md -> the folder's index.html. */
static void output_dir(const char *rel, char *out, size_t cap) {
    char stem[4096];
    snprintf(stem, sizeof stem, "%s", rel);
    stem[strlen(stem) - 3] = '\0'; /* drop .md */
    char *base = strrchr(stem, '/');
    const char *name = base ? base + 1 : stem;
    if (strcmp(name, "_index") == 0 || strcmp(name, "index") == 0) {
        if (base) *base = '\0'; else stem[0] = '\0';
    }
    snprintf(out, cap, "%s%s%s", out_root, *stem ? "/" : "", stem);
}

static void build_one(const char *rel) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", in_root, rel);
    size_t len;
    char *text = read_file(path, &len);
    const char *title;
    char *body = strip_front_matter(text, &len, &title);

    pthread_mutex_lock(&parse_lock);
    cmark_parser *parser = cmark_parser_new(OPTIONS);
    for (size_t i = 0; i < N_EXTENSIONS; i++)
        cmark_parser_attach_syntax_extension(parser, extensions[i]);
    cmark_parser_feed(parser, body, len);
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    pthread_mutex_unlock(&parse_lock);

    char *html = cmark_render_html(doc, OPTIONS, extension_list);
    cmark_node_free(doc);

    char dir[4096];
    output_dir(rel, dir, sizeof dir);
    make_dirs(dir);
    char out[4200];
    snprintf(out, sizeof out, "%s/index.html", dir);
    FILE *f = fopen(out, "wb");
    if (!f) die("cannot write", out);
    /* A minimal page shell, so the output is a page and not a fragment. */
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<title>%s</title>\n</head>\n<body>\n<main>\n", title);
    fputs(html, f);
    fputs("</main>\n</body>\n</html>\n", f);
    if (fclose(f) != 0) die("cannot write", out);

    cmark_get_default_mem_allocator()->free(html);
    free(text);
}

static void *worker(void *arg) {
    (void)arg;
    for (;;) {
        size_t i = __atomic_fetch_add(&next_file, 1, __ATOMIC_RELAXED);
        if (i >= n_files) return NULL;
        build_one(files[i]);
    }
}

int main(int argc, char **argv) {
    int jobs = 1, opt;
    while ((opt = getopt(argc, argv, "j:h")) != -1) {
        if (opt == 'j') {
            jobs = atoi(optarg);
        } else {
            fprintf(stderr, "usage: %s [-j N] IN OUT\n", argv[0]);
            return opt == 'h' ? 0 : 2;
        }
    }
    if (argc - optind != 2 || jobs < 1) {
        fprintf(stderr, "usage: %s [-j N] IN OUT\n", argv[0]);
        return 2;
    }
    in_root = argv[optind];
    out_root = argv[optind + 1];

    cmark_gfm_core_extensions_ensure_registered();
    for (size_t i = 0; i < N_EXTENSIONS; i++) {
        extensions[i] = cmark_find_syntax_extension(EXTENSION_NAMES[i]);
        if (!extensions[i]) {
            fprintf(stderr, "floor: cmark-gfm has no extension %s\n", EXTENSION_NAMES[i]);
            return 1;
        }
        extension_list = cmark_llist_append(cmark_get_default_mem_allocator(), extension_list,
                                            extensions[i]);
    }

    walk("");
    qsort(files, n_files, sizeof *files, cmp_str);
    char root[4096];
    snprintf(root, sizeof root, "%s", out_root);
    make_dirs(root); /* make_dirs edits its argument in place */

    if (jobs == 1) {
        worker(NULL); /* no thread at all: the single-threaded number is the plain loop */
    } else {
        pthread_t *threads = xmalloc((size_t)jobs * sizeof *threads);
        for (int t = 0; t < jobs; t++)
            if (pthread_create(&threads[t], NULL, worker, NULL) != 0) die("cannot start", "thread");
        for (int t = 0; t < jobs; t++) pthread_join(threads[t], NULL);
        free(threads);
    }
    return 0;
}
