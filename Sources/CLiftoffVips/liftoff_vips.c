#define _GNU_SOURCE  // dladdr
#include "liftoff_vips.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <webp/mux_types.h>

// libvips is opened on first use (dlopen), not linked: with its ~100 dependent libraries it
// would add ~25 ms to the start of every run, text-only builds and no-op builds included. The
// declarations below are libvips 8.x's (vips/*.h, glib, libwebpmux), resolved by dlsym; dlsym on
// libvips' handle also finds the symbols of the libraries it depends on (GLib, libwebpmux).
typedef struct _VipsImage VipsImage;
typedef struct _VipsSource VipsSource;
typedef void (*log_function)(const char *domain, int level, const char *message, void *data);
typedef struct WebPMux WebPMux;

enum { ACCESS_SEQUENTIAL = 1, SIZE_DOWN = 2, HEIF_COMPRESSION_AV1 = 4, LOG_LEVEL_WARNING = 1 << 4, MAX_COORD = 10000000 };
enum { MUX_OK = 1, MUX_ABI_VERSION = 0x0108 };

#define VIPS_FUNCTIONS(X) \
    X(int, vips_init, (const char *argv0)) \
    X(void, vips_cache_set_max, (int max)) \
    X(void, vips_concurrency_set, (int concurrency)) \
    X(const char *, vips_error_buffer, (void)) \
    X(void, vips_error_clear, (void)) \
    X(void, vips_error, (const char *domain, const char *format, ...)) \
    X(const char *, vips_version_string, (void)) \
    X(const char *, vips_foreign_find_load, (const char *filename)) \
    X(VipsImage *, vips_image_new_from_file, (const char *name, ...)) \
    X(const char *, vips_nickname_find, (size_t type)) \
    X(size_t, g_type_from_name, (const char *name)) \
    X(int, vips_image_get_orientation_swap, (VipsImage *image)) \
    X(int, vips_image_get_n_pages, (VipsImage *image)) \
    X(int, vips_image_get_page_height, (VipsImage *image)) \
    X(int, vips_image_get_width, (const VipsImage *image)) \
    X(int, vips_image_get_height, (const VipsImage *image)) \
    X(int, vips_image_hasalpha, (VipsImage *image)) \
    X(void, g_object_unref, (void *object)) \
    X(VipsSource *, vips_source_new_from_file, (const char *filename)) \
    X(int, vips_thumbnail_source, (VipsSource *source, VipsImage **out, int width, ...)) \
    X(VipsImage *, vips_image_copy_memory, (VipsImage *image)) \
    X(int, vips_resize, (VipsImage *in, VipsImage **out, double scale, ...)) \
    X(int, vips_copy, (VipsImage *in, VipsImage **out, ...)) \
    X(int, vips_image_remove, (VipsImage *image, const char *name)) \
    X(char **, vips_image_get_fields, (VipsImage *image)) \
    X(void, g_strfreev, (char **strings)) \
    X(int, vips_webpsave_buffer, (VipsImage *in, void **buffer, size_t *length, ...)) \
    X(int, vips_jpegsave, (VipsImage *in, const char *filename, ...)) \
    X(int, vips_pngsave, (VipsImage *in, const char *filename, ...)) \
    X(int, vips_heifsave, (VipsImage *in, const char *filename, ...)) \
    X(void *, g_malloc, (size_t size)) \
    X(void, g_free, (void *memory)) \
    X(unsigned, g_log_set_handler, (const char *domain, int levels, log_function handler, void *data)) \
    X(WebPMux *, WebPMuxCreateInternal, (const WebPData *data, int copy, int version)) \
    X(int, WebPMuxDeleteChunk, (WebPMux *mux, const char *fourcc)) \
    X(int, WebPMuxAssemble, (WebPMux *mux, WebPData *assembled)) \
    X(void, WebPMuxDelete, (WebPMux *mux)) \
    X(void, WebPFree, (void *memory))

#define DECLARE(result, name, arguments) static result (*p_##name) arguments;
VIPS_FUNCTIONS(DECLARE)

/// Opens libvips and finds every function; NULL on success, else why not.
static const char *open_library(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) return "libvips 8 is not installed (Debian: apt-get install libvips42)";
#define FIND(result, name, arguments) \
    if (!(p_##name = (result (*) arguments) dlsym(library, #name))) return "libvips lacks " #name;
    VIPS_FUNCTIONS(FIND)
    return NULL;
}

struct lv_image { VipsImage *image; };

// libvips' error buffer is global: read and clear it under one lock.
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;

static void take_error(char *error, size_t length) {
    pthread_mutex_lock(&error_lock);
    const char *message = p_vips_error_buffer();
    if (error && length > 0) {
        strncpy(error, message && *message ? message : "unknown libvips error", length - 1);
        error[length - 1] = 0;
    }
    p_vips_error_clear();
    pthread_mutex_unlock(&error_lock);
}

static lv_image *wrap(VipsImage *image) {
    lv_image *result = p_g_malloc(sizeof(lv_image));
    result->image = image;
    return result;
}

// Warnings (a damaged tile, an odd header) are reported as errors where they matter.
static void ignore(const char *domain, int level, const char *message, void *data) {}

int lv_init(const char *argv0, char *error, size_t length) {
    const char *problem = open_library();
    if (problem) {
        strncpy(error, problem, length - 1);
        error[length - 1] = 0;
        return -1;
    }
    if (p_vips_init(argv0)) { take_error(error, length); return -1; }
    p_g_log_set_handler("VIPS", LOG_LEVEL_WARNING, ignore, NULL);
    p_vips_cache_set_max(0);
    p_vips_concurrency_set(1);
    return 0;
}

const char *lv_library_path(void) {
    Dl_info info;
    return p_vips_init && dladdr((void *)p_vips_init, &info) && info.dli_fname ? info.dli_fname : "";
}

const char *lv_version(void) { return p_vips_version_string ? p_vips_version_string() : "none"; }

int lv_read_header(const char *path, lv_header *header, char *error, size_t length) {
    memset(header, 0, sizeof(*header));
    const char *loader = p_vips_foreign_find_load(path);
    if (!loader) { take_error(error, length); return -1; }
    VipsImage *image = p_vips_image_new_from_file(path, "access", ACCESS_SEQUENTIAL, NULL);
    if (!image) { take_error(error, length); return -1; }
    const char *nickname = p_vips_nickname_find(p_g_type_from_name(loader));
    strncpy(header->loader, nickname ? nickname : loader, sizeof(header->loader) - 1);
    int swap = p_vips_image_get_orientation_swap(image);
    int pages = p_vips_image_get_n_pages(image);
    int height = pages > 1 ? p_vips_image_get_page_height(image) : p_vips_image_get_height(image);
    header->width = swap ? height : p_vips_image_get_width(image);
    header->height = swap ? p_vips_image_get_width(image) : height;
    header->has_alpha = p_vips_image_hasalpha(image);
    header->pages = pages < 1 ? 1 : pages;
    p_g_object_unref(image);
    return 0;
}

lv_image *lv_thumbnail(const char *path, int width, char *error, size_t length) {
    VipsSource *source = p_vips_source_new_from_file(path);
    if (!source) { take_error(error, length); return NULL; }
    VipsImage *thumbnail = NULL;
    int status = p_vips_thumbnail_source(source, &thumbnail, width, "height", MAX_COORD, "size", SIZE_DOWN,
                                       "option_string", "fail_on=error", NULL);
    p_g_object_unref(source);
    if (status) { take_error(error, length); return NULL; }
    VipsImage *memory = p_vips_image_copy_memory(thumbnail);
    p_g_object_unref(thumbnail);
    if (!memory) { take_error(error, length); return NULL; }
    return wrap(memory);
}

lv_image *lv_resize(lv_image *image, int width, char *error, size_t length) {
    VipsImage *resized = NULL;
    double scale = (double)width / p_vips_image_get_width(image->image);
    if (p_vips_resize(image->image, &resized, scale, NULL)) { take_error(error, length); return NULL; }
    VipsImage *memory = p_vips_image_copy_memory(resized);
    p_g_object_unref(resized);
    if (!memory) { take_error(error, length); return NULL; }
    return wrap(memory);
}

int lv_width(lv_image *image) { return p_vips_image_get_width(image->image); }

// libvips 8.14 writes an EXIF chunk into WebP files even with `strip` (rebuilt from the image's
// resolution and orientation): encode to memory, then drop the metadata chunks with libwebp's
// own container API (libwebpmux, which libvips itself uses to add them).
static int save_webp(VipsImage *image, const char *path, int quality) {
    void *buffer = NULL;
    size_t size = 0;
    if (p_vips_webpsave_buffer(image, &buffer, &size, "Q", quality, "strip", 1, NULL)) return -1;
    WebPData input = { buffer, size }, output = { NULL, 0 };
    WebPMux *mux = p_WebPMuxCreateInternal(&input, 0, MUX_ABI_VERSION);
    int status = -1;
    if (mux) {
        p_WebPMuxDeleteChunk(mux, "EXIF");
        p_WebPMuxDeleteChunk(mux, "XMP ");
        p_WebPMuxDeleteChunk(mux, "ICCP");
        if (p_WebPMuxAssemble(mux, &output) == MUX_OK) {
            FILE *file = fopen(path, "wb");
            if (file) {
                status = fwrite(output.bytes, 1, output.size, file) == output.size ? 0 : -1;
                if (fclose(file)) status = -1;
            }
            if (status) p_vips_error("webpsave", "cannot write %s", path);
        } else {
            p_vips_error("webpsave", "%s", "cannot remove the metadata");
        }
        if (output.bytes) p_WebPFree((void *)output.bytes);
        p_WebPMuxDelete(mux);
    } else {
        p_vips_error("webpsave", "%s", "cannot read the encoded image");
    }
    p_g_free(buffer);
    return status;
}

int lv_save(lv_image *image, const char *path, int format, int quality, char *error, size_t length) {
    // `strip` alone left EXIF (GPS included) in WebP files with 8.14: remove the fields first.
    VipsImage *bare = NULL;
    if (p_vips_copy(image->image, &bare, NULL)) { take_error(error, length); return -1; }
    const char *fields[] = { "exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation" };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) p_vips_image_remove(bare, fields[i]);
    char **names = p_vips_image_get_fields(bare);
    for (int i = 0; names[i]; i++) {
        if (strncmp(names[i], "exif-", 5) == 0) p_vips_image_remove(bare, names[i]);
    }
    p_g_strfreev(names);
    int status;
    switch (format) {
    case LV_WEBP: status = save_webp(bare, path, quality); break;
    case LV_JPEG:
        status = p_vips_jpegsave(bare, path, "Q", quality, "strip", 1, "optimize_coding", 1, "interlace", 1, NULL);
        break;
    case LV_PNG: status = p_vips_pngsave(bare, path, "compression", 6, "strip", 1, NULL); break;
    case LV_AVIF:
        status = p_vips_heifsave(bare, path, "Q", quality, "compression", HEIF_COMPRESSION_AV1,
                               "effort", 4, "strip", 1, NULL);
        break;
    default: status = -1; p_vips_error("liftoff", "unknown format %d", format);
    }
    p_g_object_unref(bare);
    if (status) take_error(error, length);
    return status;
}

void lv_free(lv_image *image) {
    if (!image) return;
    p_g_object_unref(image->image);
    p_g_free(image);
}
