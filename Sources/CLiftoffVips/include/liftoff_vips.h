// Non-variadic wrappers around libvips (Swift cannot call C variadic functions).
// Images are opaque pointers; every failure copies libvips' message into `error`.
#ifndef LIFTOFF_VIPS_H
#define LIFTOFF_VIPS_H

#include <stddef.h>

typedef struct lv_image lv_image;

/// What a file's header says, read without decoding its pixels.
typedef struct {
    int width;          // after EXIF rotation
    int height;         // after EXIF rotation; one frame's height for animations
    int has_alpha;
    int pages;          // frames of an animation, 1 otherwise
    char loader[48];    // libvips' loader for the bytes, e.g. "jpegload"
} lv_header;

enum { LV_WEBP = 1, LV_JPEG = 2, LV_PNG = 3, LV_AVIF = 4 };

/// Starts libvips once per process; no operation cache, one worker thread per operation.
int lv_init(const char *argv0, char *error, size_t length);
/// "8.14.1".
const char *lv_version(void);
/// The file libvips was loaded from; "" before `lv_init`.
const char *lv_library_path(void);
int lv_read_header(const char *path, lv_header *header, char *error, size_t length);
/// Decodes `path` shrunk to `width` (never enlarged), rotated upright, in sRGB, into memory.
/// Fails on any decoding error (a truncated file included).
lv_image *lv_thumbnail(const char *path, int width, char *error, size_t length);
/// `image` resized to `width`, in memory.
lv_image *lv_resize(lv_image *image, int width, char *error, size_t length);
int lv_width(lv_image *image);
/// Saves without metadata (EXIF, XMP, IPTC, ICC removed) in `format` at `quality` (1-100).
int lv_save(lv_image *image, const char *path, int format, int quality, char *error, size_t length);
void lv_free(lv_image *image);

#endif
