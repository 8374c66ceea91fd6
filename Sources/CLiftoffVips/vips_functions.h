// The libvips, GLib and libwebpmux functions Liftoff calls, found with dlsym (private to this target).
#ifndef LIFTOFF_VIPS_FUNCTIONS_H
#define LIFTOFF_VIPS_FUNCTIONS_H

#include <stddef.h>
#include <webp/mux_types.h>

#include "liftoff_vips.h"

// libvips is opened on first use (dlopen), not linked: with its ~100 dependent libraries it
// would add ~25 ms to the start of every run, text-only builds and no-op builds included. The
// declarations below are libvips 8.x's (vips/*.h, glib, libwebpmux), resolved by dlsym; dlsym on
// libvips' handle also finds the symbols of the libraries it depends on (GLib, libwebpmux).
typedef struct _VipsImage VipsImage;
typedef struct _VipsSource VipsSource;
typedef void (*log_function)(const char *domain, int level, const char *message, void *data);
typedef struct WebPMux WebPMux;

enum { ACCESS_SEQUENTIAL = 1, SIZE_BOTH = 0, SIZE_DOWN = 2, INTERESTING_CENTRE = 1, INTERESTING_ATTENTION = 3,
       TEXT_WRAP_WORD_CHAR = 2, INTERPRETATION_SRGB = 22, HEIF_COMPRESSION_AV1 = 4, LOG_LEVEL_WARNING = 1 << 4, MAX_COORD = 10000000 };
enum { MUX_OK = 1, MUX_ABI_VERSION = 0x0108 };

#define VIPS_FUNCTIONS(X) \
    X(int, vips_init, (const char *argv0)) \
    X(void, vips_cache_set_max, (int max)) \
    X(void, vips_concurrency_set, (int concurrency)) \
    X(const char *, vips_error_buffer, (void)) \
    X(void, vips_error_clear, (void)) \
    X(void, vips_error, (const char *domain, const char *format, ...)) \
    X(const char *, vips_version_string, (void)) \
    X(const char *, vips_foreign_find_load_source, (VipsSource *source)) \
    X(VipsImage *, vips_image_new_from_source, (VipsSource *source, const char *options, ...)) \
    X(const char *, vips_nickname_find, (size_t type)) \
    X(size_t, g_type_from_name, (const char *name)) \
    X(int, vips_image_get_orientation_swap, (VipsImage *image)) \
    X(int, vips_image_get_n_pages, (VipsImage *image)) \
    X(int, vips_image_get_page_height, (VipsImage *image)) \
    X(int, vips_image_get_width, (const VipsImage *image)) \
    X(int, vips_extract_area, (VipsImage *in, VipsImage **out, int left, int top, int width, int height, ...)) \
    X(int, vips_image_get_height, (const VipsImage *image)) \
    X(int, vips_image_hasalpha, (VipsImage *image)) \
    X(void, g_object_unref, (void *object)) \
    X(VipsSource *, vips_source_new_from_descriptor, (int descriptor)) \
    X(int, vips_thumbnail_source, (VipsSource *source, VipsImage **out, int width, ...)) \
    X(VipsImage *, vips_image_copy_memory, (VipsImage *image)) \
    X(int, vips_resize, (VipsImage *in, VipsImage **out, double scale, ...)) \
    X(int, vips_copy, (VipsImage *in, VipsImage **out, ...)) \
    X(int, vips_image_remove, (VipsImage *image, const char *name)) \
    X(char **, vips_image_get_fields, (VipsImage *image)) \
    X(void, g_strfreev, (char **strings)) \
    X(int, vips_webpsave_buffer, (VipsImage *in, void **buffer, size_t *length, ...)) \
    X(int, vips_jpegsave_buffer, (VipsImage *in, void **buffer, size_t *length, ...)) \
    X(int, vips_pngsave_buffer, (VipsImage *in, void **buffer, size_t *length, ...)) \
    X(int, vips_heifsave_buffer, (VipsImage *in, void **buffer, size_t *length, ...)) \
    X(void *, g_malloc, (size_t size)) \
    X(void, g_free, (void *memory)) \
    X(unsigned, g_log_set_handler, (const char *domain, int levels, log_function handler, void *data)) \
    X(WebPMux *, WebPMuxCreateInternal, (const WebPData *data, int copy, int version)) \
    X(int, WebPMuxDeleteChunk, (WebPMux *mux, const char *fourcc)) \
    X(int, WebPMuxAssemble, (WebPMux *mux, WebPData *assembled)) \
    X(void, WebPMuxDelete, (WebPMux *mux)) \
    X(void, WebPFree, (void *memory)) \
    X(int, vips_black, (VipsImage **out, int width, int height, ...)) \
    X(VipsImage *, vips_image_new_from_image, (VipsImage *image, const double *c, int n)) \
    X(int, vips_text, (VipsImage **out, const char *text, ...)) \
    X(int, vips_draw_mask, (VipsImage *image, double *ink, int n, VipsImage *mask, int x, int y, ...)) \
    X(int, vips_draw_rect, (VipsImage *image, double *ink, int n, int left, int top, int width, int height, ...)) \
    X(int, vips_draw_image, (VipsImage *image, VipsImage *sub, int x, int y, ...)) \
    X(int, vips_flatten, (VipsImage *in, VipsImage **out, ...)) \
    X(int, vips_colourspace, (VipsImage *in, VipsImage **out, int space, ...)) \
    X(int, vips_image_get_bands, (const VipsImage *image)) \
    X(void *, vips_array_double_new, (const double *array, int n)) \
    X(void, vips_area_unref, (void *area)) \
    X(void *, FcFreeTypeQuery, (const unsigned char *file, int id, void *blanks, int *count)) \
    X(int, FcPatternGetString, (const void *pattern, const char *object, int n, unsigned char **value)) \
    X(void, FcPatternDestroy, (void *pattern))

#define DECLARE(result, name, arguments) extern result (*p_##name) arguments;
VIPS_FUNCTIONS(DECLARE)
#undef DECLARE

struct lv_image { VipsImage *image; };

/// Copies libvips' message into `error` and clears its buffer, under one lock.
void lv_take_error(char *error, size_t length);
/// Wraps a libvips image (the wrapper owns the reference).
lv_image *lv_wrap(VipsImage *image);
/// `image` computed into memory (the reference to `image` is released), wrapped; NULL on failure.
lv_image *lv_in_memory(VipsImage *image, char *error, size_t length);

// Writes `size` bytes at `path`: 0, or -2 with the system's reason in libvips' error buffer.
int lv_write_file(const char *path, const void *bytes, size_t size);

#endif

