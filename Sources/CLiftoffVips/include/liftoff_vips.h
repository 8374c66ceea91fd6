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
int lv_read_header(int descriptor, lv_header *header, char *error, size_t length);
/// Decodes the file open at `descriptor` (libvips reads a duplicate) shrunk to `width` (never enlarged), rotated upright, in sRGB, into memory.
/// Fails on any decoding error (a truncated file included).
lv_image *lv_thumbnail(int descriptor, int width, char *error, size_t length);
/// `image` resized to `width`, in memory.
lv_image *lv_resize(lv_image *image, int width, char *error, size_t length);
int lv_width(lv_image *image);
/// Saves without metadata (EXIF, XMP, IPTC, ICC removed) in `format` at `quality` (1-100).
/// Returns 0, -1 when encoding failed, -2 when the file could not be written (the system's reason in `error`).
int lv_save(lv_image *image, const char *path, int format, int quality, char *error, size_t length);
void lv_free(lv_image *image);

// Share cards (liftoff_vips_draw.c): colours are sRGB 0-255.
/// A `width` × `height` canvas in memory filled with `rgb`; the lv_draw_* functions draw on it in place.
lv_image *lv_canvas(int width, int height, const double rgb[3], char *error, size_t length);
/// Pango `markup` in `font` ("Inter Bold 64": size in pixels), wrapped at `width` (between words, or
/// inside a word longer than a line), as a one-band coverage mask; `fontfile` may be NULL.
lv_image *lv_text(const char *markup, const char *font, const char *fontfile, int width, int spacing,
                  char *error, size_t length);
int lv_height(lv_image *image);
/// Paints `rgb` through `mask` at (x, y).
int lv_draw_mask(lv_image *canvas, lv_image *mask, int x, int y, const double rgb[3], char *error, size_t length);
int lv_draw_rect(lv_image *canvas, int x, int y, int width, int height, const double rgb[3], char *error, size_t length);
/// The image open at `descriptor` scaled to `height`, transparency flattened onto `background`, sRGB.
lv_image *lv_logo(int descriptor, int height, const double background[3], char *error, size_t length);
int lv_draw_image(lv_image *canvas, lv_image *image, int x, int y, char *error, size_t length);
/// Saves a canvas as PNG at zlib `compression` (0-9).
/// Returns 0, -1 when encoding failed, -2 when the file could not be written.
int lv_save_png(lv_image *image, const char *path, int compression, char *error, size_t length);
/// The first family name the font file at `path` declares (fontconfig); -1 when it is not a font.
int lv_font_family(const char *path, char *family, size_t length);
/// The image open at `descriptor` scaled and cropped to fill `width` × `height` around its centre.
lv_image *lv_thumbnail_fill(int descriptor, int width, int height, char *error, size_t length);
/// The image open at `descriptor` scaled to fit `box_width` × `box_height` (one of them unbounded:
/// it then covers the other), then the `width` × `height` area at `left`, `top` of it (kept inside).
lv_image *lv_thumbnail_area(int descriptor, int box_width, int box_height, int left, int top, int width, int height,
                            char *error, size_t length);

#endif
