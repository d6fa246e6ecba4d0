// libvips, from Debian's libvips-dev. Most of its C API is variadic (options as name/value pairs
// ending in NULL), which Swift cannot call: these few non-variadic wrappers are all Casebook uses.
#include <vips/vips.h>

static inline void casebook_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline gpointer casebook_vips_start_once(gpointer unused) {
    (void)unused;
    if (VIPS_INIT("casebook") != 0) return GINT_TO_POINTER(1);
    vips_cache_set_max(0);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, casebook_vips_quiet, NULL);
    return GINT_TO_POINTER(2);
}

/// Starts libvips once per process; 0 on success. Builds running at once (tests, the preview) may
/// all call it: g_once makes the others wait until the first has finished (vips_init alone returns
/// at once to a second caller while the first is still starting). Its operation cache is turned
/// off: each picture is read once per build, and the cache would only hold memory. Its warnings
/// ("error in tile 0 x 464" for a cut-off file) are not printed: the failure they lead to is
/// reported where the picture is shown.
static inline int casebook_vips_start(void) {
    static GOnce once = G_ONCE_INIT;
    g_once(&once, casebook_vips_start_once, NULL);
    return GPOINTER_TO_INT(once.retval) == 2 ? 0 : -1;
}

/// The loader libvips would pick for the file's bytes (e.g. "VipsForeignLoadJpegSource"), or NULL.
/// Files are opened as sources: their names are never parsed for options (`photo[1].jpg` is a name).
static inline const char *casebook_vips_loader(const char *path) {
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) return NULL;
    const char *loader = vips_foreign_find_load_source(source);
    g_object_unref(source);
    return loader;
}

/// Reads only the header of a picture file: its size as shown (EXIF orientation applied).
/// 0 on success. Nothing is decoded.
static inline int casebook_vips_header(const char *path, int *width, int *height) {
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) return -1;
    VipsImage *image = vips_image_new_from_source(source, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    g_object_unref(source);
    if (!image) return -1;
    int w = vips_image_get_width(image), h = vips_image_get_height(image);
    if (vips_image_get_orientation_swap(image)) { int t = w; w = h; h = t; }
    *width = w;
    *height = h;
    g_object_unref(image);
    return 0;
}

/// Decodes the picture file as it streams in (JPEGs are shrunk while decoding), stopping at any error
/// such as a cut-off file, and resizes it to exactly width × height, upright and in sRGB, held in
/// memory so each smaller copy and each format is made from it without decoding the file again.
/// 0 on success; `*image` is released with casebook_vips_release.
static inline int casebook_vips_decode(const char *path, int width, int height, VipsImage **image) {
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) return -1;
    VipsImage *resized = NULL;
    int status = vips_thumbnail_source(source, &resized, width, "height", height, "size", VIPS_SIZE_FORCE,
                                       "option_string", "fail_on=error", NULL);
    g_object_unref(source);
    if (status != 0) return -1;
    *image = vips_image_copy_memory(resized);
    g_object_unref(resized);
    return *image ? 0 : -1;
}

/// A decoded picture resized to exactly width × height (never larger than it is), in memory.
static inline int casebook_vips_shrink(VipsImage *image, int width, int height, VipsImage **output) {
    VipsImage *resized = NULL;
    if (vips_thumbnail_image(image, &resized, width, "height", height, "size", VIPS_SIZE_FORCE, NULL) != 0) return -1;
    *output = vips_image_copy_memory(resized);
    g_object_unref(resized);
    return *output ? 0 : -1;
}

/// The formats a resized copy is written in.
typedef enum { CASEBOOK_VIPS_JPEG = 0, CASEBOOK_VIPS_PNG = 1, CASEBOOK_VIPS_WEBP = 2 } CasebookVipsFormat;

/// A decoded picture encoded with no metadata (no dates, places or camera), so the same input gives
/// the same bytes. 0 on success; `*output` is freed with casebook_vips_free.
static inline int casebook_vips_encode(VipsImage *image, CasebookVipsFormat format, int quality,
                                       void **output, size_t *outputLength) {
    switch (format) {
    case CASEBOOK_VIPS_JPEG:
        return vips_jpegsave_buffer(image, output, outputLength, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
    case CASEBOOK_VIPS_PNG:
        return vips_pngsave_buffer(image, output, outputLength, "strip", TRUE, "compression", 9, NULL);
    default:
        return vips_webpsave_buffer(image, output, outputLength, "Q", quality, "strip", TRUE, NULL);
    }
}

static inline void casebook_vips_release(VipsImage *image) {
    g_object_unref(image);
}

/// libvips' error messages since the last call, or NULL; freed with casebook_vips_free.
static inline char *casebook_vips_take_error(void) {
    char *message = vips_error_buffer_copy();
    vips_error_clear();
    return message;
}

static inline void casebook_vips_free(void *pointer) {
    g_free(pointer);
}
