#define _GNU_SOURCE  // dladdr
#include "liftoff_vips.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "vips_functions.h"

#define DEFINE(result, name, arguments) result (*p_##name) arguments;
VIPS_FUNCTIONS(DEFINE)

/// Opens libvips and finds every function; NULL on success, else why not.
static const char *open_library(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) return "libvips 8 is not installed (Debian: apt-get install libvips42)";
#define FIND(result, name, arguments) \
    if (!(p_##name = (result (*) arguments) dlsym(library, #name))) return "libvips lacks " #name;
    VIPS_FUNCTIONS(FIND)
    return NULL;
}

// libvips' error buffer is global: read and clear it under one lock.
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;

void lv_take_error(char *error, size_t length) {
    pthread_mutex_lock(&error_lock);
    const char *message = p_vips_error_buffer();
    if (error && length > 0) {
        strncpy(error, message && *message ? message : "unknown libvips error", length - 1);
        error[length - 1] = 0;
    }
    p_vips_error_clear();
    pthread_mutex_unlock(&error_lock);
}

lv_image *lv_wrap(VipsImage *image) {
    lv_image *result = p_g_malloc(sizeof(lv_image));
    result->image = image;
    return result;
}

lv_image *lv_in_memory(VipsImage *image, char *error, size_t length) {
    VipsImage *memory = p_vips_image_copy_memory(image);
    p_g_object_unref(image);
    if (!memory) { lv_take_error(error, length); return NULL; }
    return lv_wrap(memory);
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
    if (p_vips_init(argv0)) { lv_take_error(error, length); return -1; }
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

int lv_read_header(int descriptor, lv_header *header, char *error, size_t length) {
    memset(header, 0, sizeof(*header));
    VipsSource *source = p_vips_source_new_from_descriptor(descriptor);
    if (!source) { lv_take_error(error, length); return -1; }
    const char *loader = p_vips_foreign_find_load_source(source);
    if (!loader) { p_g_object_unref(source); lv_take_error(error, length); return -1; }
    VipsImage *image = p_vips_image_new_from_source(source, "", "access", ACCESS_SEQUENTIAL, NULL);
    p_g_object_unref(source);
    if (!image) { lv_take_error(error, length); return -1; }
    // The loader's nickname without its `_source` suffix: `jpegload`, `svgload`, …
    const char *nickname = p_vips_nickname_find(p_g_type_from_name(loader));
    strncpy(header->loader, nickname ? nickname : loader, sizeof(header->loader) - 1);
    size_t used = strlen(header->loader);
    if (used > 7 && strcmp(header->loader + used - 7, "_source") == 0) header->loader[used - 7] = 0;
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

lv_image *lv_thumbnail(int descriptor, int width, char *error, size_t length) {
    VipsSource *source = p_vips_source_new_from_descriptor(descriptor);
    if (!source) { lv_take_error(error, length); return NULL; }
    VipsImage *thumbnail = NULL;
    int status = p_vips_thumbnail_source(source, &thumbnail, width, "height", MAX_COORD, "size", SIZE_DOWN,
                                       "option_string", "fail_on=error", NULL);
    p_g_object_unref(source);
    if (status) { lv_take_error(error, length); return NULL; }
    return lv_in_memory(thumbnail, error, length);
}

lv_image *lv_resize(lv_image *image, int width, char *error, size_t length) {
    VipsImage *resized = NULL;
    double scale = (double)width / p_vips_image_get_width(image->image);
    if (p_vips_resize(image->image, &resized, scale, NULL)) { lv_take_error(error, length); return NULL; }
    return lv_in_memory(resized, error, length);
}

int lv_width(lv_image *image) { return p_vips_image_get_width(image->image); }

// libvips 8.14 writes an EXIF chunk into WebP files even with `strip` (rebuilt from the image's
// resolution and orientation): encode to memory, then drop the metadata chunks with libwebp's
// own container API (libwebpmux, which libvips itself uses to add them).
// Writes `size` bytes at `path`; on failure -2 and the system's reason in libvips' error buffer.
int lv_write_file(const char *path, const void *bytes, size_t size) {
    int descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    size_t done = 0;
    while (descriptor >= 0 && done < size) {
        ssize_t count = write(descriptor, (const char *)bytes + done, size - done);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;
        done += (size_t)count;
    }
    int saved = errno;
    if (descriptor >= 0 && close(descriptor) != 0 && done == size) { saved = errno; done = 0; }
    if (descriptor >= 0 && done == size) return 0;
    p_vips_error("write", "%s", strerror(saved ? saved : EIO));
    return -2;
}

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
            status = lv_write_file(path, output.bytes, output.size);
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
    if (p_vips_copy(image->image, &bare, NULL)) { lv_take_error(error, length); return -1; }
    const char *fields[] = { "exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation" };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) p_vips_image_remove(bare, fields[i]);
    char **names = p_vips_image_get_fields(bare);
    for (int i = 0; names[i]; i++) {
        if (strncmp(names[i], "exif-", 5) == 0) p_vips_image_remove(bare, names[i]);
    }
    p_g_strfreev(names);
    // Encoded to memory, then written here: a failed write says why (a full disk, a read-only folder).
    int status;
    void *buffer = NULL;
    size_t size = 0;
    switch (format) {
    case LV_WEBP: status = save_webp(bare, path, quality); break;
    case LV_JPEG:
        status = p_vips_jpegsave_buffer(bare, &buffer, &size, "Q", quality, "strip", 1, "optimize_coding", 1, "interlace", 1, NULL);
        break;
    case LV_PNG: status = p_vips_pngsave_buffer(bare, &buffer, &size, "compression", 6, "strip", 1, NULL); break;
    case LV_AVIF:
        status = p_vips_heifsave_buffer(bare, &buffer, &size, "Q", quality, "compression", HEIF_COMPRESSION_AV1,
                               "effort", 4, "strip", 1, NULL);
        break;
    default: status = -1; p_vips_error("liftoff", "unknown format %d", format);
    }
    if (buffer) {
        if (status == 0) status = lv_write_file(path, buffer, size);
        p_g_free(buffer);
    }
    p_g_object_unref(bare);
    if (status) lv_take_error(error, length);
    return status;
}

void lv_free(lv_image *image) {
    if (!image) return;
    p_g_object_unref(image->image);
    p_g_free(image);
}
