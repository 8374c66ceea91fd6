#include "liftoff_vips.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>
#include <webp/mux.h>

struct lv_image { VipsImage *image; };

// libvips' error buffer is global: read and clear it under one lock.
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;

static void take_error(char *error, size_t length) {
    pthread_mutex_lock(&error_lock);
    const char *message = vips_error_buffer();
    if (error && length > 0) {
        strncpy(error, message && *message ? message : "unknown libvips error", length - 1);
        error[length - 1] = 0;
    }
    vips_error_clear();
    pthread_mutex_unlock(&error_lock);
}

static lv_image *wrap(VipsImage *image) {
    lv_image *result = g_malloc(sizeof(lv_image));
    result->image = image;
    return result;
}

// Warnings (a damaged tile, an odd header) are reported as errors where they matter.
static void ignore(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

int lv_init(const char *argv0, char *error, size_t length) {
    if (VIPS_INIT(argv0)) { take_error(error, length); return -1; }
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, ignore, NULL);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    return 0;
}

const char *lv_version(void) { return vips_version_string(); }

int lv_read_header(const char *path, lv_header *header, char *error, size_t length) {
    memset(header, 0, sizeof(*header));
    const char *loader = vips_foreign_find_load(path);
    if (!loader) { take_error(error, length); return -1; }
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) { take_error(error, length); return -1; }
    const char *nickname = vips_nickname_find(g_type_from_name(loader));
    strncpy(header->loader, nickname ? nickname : loader, sizeof(header->loader) - 1);
    int swap = vips_image_get_orientation_swap(image);
    int pages = vips_image_get_n_pages(image);
    int height = pages > 1 ? vips_image_get_page_height(image) : vips_image_get_height(image);
    header->width = swap ? height : vips_image_get_width(image);
    header->height = swap ? vips_image_get_width(image) : height;
    header->has_alpha = vips_image_hasalpha(image);
    header->pages = pages < 1 ? 1 : pages;
    g_object_unref(image);
    return 0;
}

lv_image *lv_thumbnail(const char *path, int width, char *error, size_t length) {
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) { take_error(error, length); return NULL; }
    VipsImage *thumbnail = NULL;
    int status = vips_thumbnail_source(source, &thumbnail, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                       "option_string", "fail_on=error", NULL);
    g_object_unref(source);
    if (status) { take_error(error, length); return NULL; }
    VipsImage *memory = vips_image_copy_memory(thumbnail);
    g_object_unref(thumbnail);
    if (!memory) { take_error(error, length); return NULL; }
    return wrap(memory);
}

lv_image *lv_resize(lv_image *image, int width, char *error, size_t length) {
    VipsImage *resized = NULL;
    double scale = (double)width / vips_image_get_width(image->image);
    if (vips_resize(image->image, &resized, scale, NULL)) { take_error(error, length); return NULL; }
    VipsImage *memory = vips_image_copy_memory(resized);
    g_object_unref(resized);
    if (!memory) { take_error(error, length); return NULL; }
    return wrap(memory);
}

int lv_width(lv_image *image) { return vips_image_get_width(image->image); }
int lv_height(lv_image *image) { return vips_image_get_height(image->image); }

// libvips 8.14 writes an EXIF chunk into WebP files even with `strip` (rebuilt from the image's
// resolution and orientation): encode to memory, then drop the metadata chunks with libwebp's
// own container API (libwebpmux, which libvips itself uses to add them).
static int save_webp(VipsImage *image, const char *path, int quality) {
    void *buffer = NULL;
    size_t size = 0;
    if (vips_webpsave_buffer(image, &buffer, &size, "Q", quality, "strip", TRUE, NULL)) return -1;
    WebPData input = { buffer, size }, output = { NULL, 0 };
    WebPMux *mux = WebPMuxCreate(&input, 0);
    int status = -1;
    if (mux) {
        WebPMuxDeleteChunk(mux, "EXIF");
        WebPMuxDeleteChunk(mux, "XMP ");
        WebPMuxDeleteChunk(mux, "ICCP");
        if (WebPMuxAssemble(mux, &output) == WEBP_MUX_OK) {
            FILE *file = fopen(path, "wb");
            if (file) {
                status = fwrite(output.bytes, 1, output.size, file) == output.size ? 0 : -1;
                if (fclose(file)) status = -1;
            }
            if (status) vips_error("webpsave", "cannot write %s", path);
        } else {
            vips_error("webpsave", "%s", "cannot remove the metadata");
        }
        WebPDataClear(&output);
        WebPMuxDelete(mux);
    } else {
        vips_error("webpsave", "%s", "cannot read the encoded image");
    }
    g_free(buffer);
    return status;
}

int lv_save(lv_image *image, const char *path, int format, int quality, char *error, size_t length) {
    // `strip` alone left EXIF (GPS included) in WebP files with 8.14: remove the fields first.
    VipsImage *bare = NULL;
    if (vips_copy(image->image, &bare, NULL)) { take_error(error, length); return -1; }
    const char *fields[] = { "exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation" };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) vips_image_remove(bare, fields[i]);
    gchar **names = vips_image_get_fields(bare);
    for (int i = 0; names[i]; i++) {
        if (strncmp(names[i], "exif-", 5) == 0) vips_image_remove(bare, names[i]);
    }
    g_strfreev(names);
    int status;
    switch (format) {
    case LV_WEBP: status = save_webp(bare, path, quality); break;
    case LV_JPEG:
        status = vips_jpegsave(bare, path, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace", TRUE, NULL);
        break;
    case LV_PNG: status = vips_pngsave(bare, path, "compression", 6, "strip", TRUE, NULL); break;
    case LV_AVIF:
        status = vips_heifsave(bare, path, "Q", quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                               "effort", 4, "strip", TRUE, NULL);
        break;
    default: status = -1; vips_error("liftoff", "unknown format %d", format);
    }
    g_object_unref(bare);
    if (status) take_error(error, length);
    return status;
}

void lv_free(lv_image *image) {
    if (!image) return;
    g_object_unref(image->image);
    g_free(image);
}
