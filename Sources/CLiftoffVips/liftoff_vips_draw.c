// Drawing share cards: a canvas, text through Pango (libvips' `text`), logos, and a fitted crop.
#include "liftoff_vips.h"

#include <string.h>

#include "vips_functions.h"

lv_image *lv_canvas(int width, int height, const double rgb[3], char *error, size_t length) {
    VipsImage *black = NULL;
    if (p_vips_black(&black, width, height, "bands", 3, NULL)) { lv_take_error(error, length); return NULL; }
    VipsImage *filled = p_vips_image_new_from_image(black, rgb, 3);
    p_g_object_unref(black);
    if (!filled) { lv_take_error(error, length); return NULL; }
    // Drawing happens in place: the canvas lives in memory, tagged sRGB for the encoders.
    VipsImage *tagged = NULL;
    int status = p_vips_copy(filled, &tagged, "interpretation", INTERPRETATION_SRGB, NULL);
    p_g_object_unref(filled);
    if (status) { lv_take_error(error, length); return NULL; }
    return lv_in_memory(tagged, error, length);
}

lv_image *lv_text(const char *markup, const char *font, const char *fontfile, int width, int spacing,
                  char *error, size_t length) {
    VipsImage *mask = NULL;
    int status = fontfile && *fontfile
        ? p_vips_text(&mask, markup, "font", font, "fontfile", fontfile, "width", width, "dpi", 72,
                      "spacing", spacing, "wrap", TEXT_WRAP_WORD_CHAR, NULL)
        : p_vips_text(&mask, markup, "font", font, "width", width, "dpi", 72, "spacing", spacing,
                      "wrap", TEXT_WRAP_WORD_CHAR, NULL);
    if (status) { lv_take_error(error, length); return NULL; }
    return lv_wrap(mask);
}

int lv_height(lv_image *image) { return p_vips_image_get_height(image->image); }

int lv_draw_mask(lv_image *canvas, lv_image *mask, int x, int y, const double rgb[3], char *error, size_t length) {
    double ink[3] = { rgb[0], rgb[1], rgb[2] };
    if (p_vips_draw_mask(canvas->image, ink, 3, mask->image, x, y, NULL)) { lv_take_error(error, length); return -1; }
    return 0;
}

int lv_draw_rect(lv_image *canvas, int x, int y, int width, int height, const double rgb[3], char *error, size_t length) {
    double ink[3] = { rgb[0], rgb[1], rgb[2] };
    if (p_vips_draw_rect(canvas->image, ink, 3, x, y, width, height, "fill", 1, NULL)) {
        lv_take_error(error, length);
        return -1;
    }
    return 0;
}

/// `image` as 3-band sRGB, transparency flattened onto `background`.
static VipsImage *opaque_srgb(VipsImage *image, const double background[3]) {
    VipsImage *srgb = NULL;
    if (p_vips_colourspace(image, &srgb, INTERPRETATION_SRGB, NULL)) return NULL;
    if (p_vips_image_get_bands(srgb) != 4 && p_vips_image_get_bands(srgb) != 2) return srgb;
    void *colour = p_vips_array_double_new(background, 3);
    VipsImage *flat = NULL;
    int status = p_vips_flatten(srgb, &flat, "background", colour, NULL);
    p_vips_area_unref(colour);
    p_g_object_unref(srgb);
    return status ? NULL : flat;
}

/// A thumbnail made opaque over `background` and copied into memory (the thumbnail is released).
static lv_image *opaque_in_memory(VipsImage *thumbnail, const double background[3], char *error, size_t length) {
    VipsImage *flat = opaque_srgb(thumbnail, background);
    p_g_object_unref(thumbnail);
    if (!flat) { lv_take_error(error, length); return NULL; }
    return lv_in_memory(flat, error, length);
}

lv_image *lv_logo(int descriptor, int height, const double background[3], char *error, size_t length) {
    VipsSource *source = p_vips_source_new_from_descriptor(descriptor);
    if (!source) { lv_take_error(error, length); return NULL; }
    VipsImage *thumbnail = NULL;
    int status = p_vips_thumbnail_source(source, &thumbnail, MAX_COORD, "height", height, "size", SIZE_BOTH,
                                         "option_string", "fail_on=error", NULL);
    p_g_object_unref(source);
    if (status) { lv_take_error(error, length); return NULL; }
    return opaque_in_memory(thumbnail, background, error, length);
}

int lv_draw_image(lv_image *canvas, lv_image *image, int x, int y, char *error, size_t length) {
    if (p_vips_draw_image(canvas->image, image->image, x, y, NULL)) { lv_take_error(error, length); return -1; }
    return 0;
}

lv_image *lv_thumbnail_fill(int descriptor, int width, int height, char *error, size_t length) {
    VipsSource *source = p_vips_source_new_from_descriptor(descriptor);
    if (!source) { lv_take_error(error, length); return NULL; }
    VipsImage *thumbnail = NULL;
    int status = p_vips_thumbnail_source(source, &thumbnail, width, "height", height, "crop", INTERESTING_CENTRE,
                                         "size", SIZE_BOTH, "option_string", "fail_on=error", NULL);
    p_g_object_unref(source);
    if (status) { lv_take_error(error, length); return NULL; }
    static const double white[3] = { 255, 255, 255 };
    return opaque_in_memory(thumbnail, white, error, length);
}

lv_image *lv_thumbnail_area(int descriptor, int box_width, int box_height, int left, int top, int width, int height,
                            char *error, size_t length) {
    VipsSource *source = p_vips_source_new_from_descriptor(descriptor);
    if (!source) { lv_take_error(error, length); return NULL; }
    VipsImage *scaled = NULL;
    int status = p_vips_thumbnail_source(source, &scaled, box_width, "height", box_height, "size", SIZE_BOTH,
                                         "option_string", "fail_on=error", NULL);
    p_g_object_unref(source);
    if (status) { lv_take_error(error, length); return NULL; }
    int have_width = p_vips_image_get_width(scaled), have_height = p_vips_image_get_height(scaled);
    if (width > have_width) width = have_width;
    if (height > have_height) height = have_height;
    if (left > have_width - width) left = have_width - width;
    if (top > have_height - height) top = have_height - height;
    if (left < 0) left = 0;
    if (top < 0) top = 0;
    VipsImage *area = NULL;
    status = p_vips_extract_area(scaled, &area, left, top, width, height, NULL);
    p_g_object_unref(scaled);
    if (status) { lv_take_error(error, length); return NULL; }
    static const double white[3] = { 255, 255, 255 };
    return opaque_in_memory(area, white, error, length);
}

int lv_font_family(const char *path, char *family, size_t length) {
    int count = 0;
    void *pattern = p_FcFreeTypeQuery((const unsigned char *)path, 0, NULL, &count);
    if (!pattern) return -1;
    unsigned char *name = NULL;
    int status = p_FcPatternGetString(pattern, "family", 0, &name) == 0 && name ? 0 : -1;
    if (!status) {
        strncpy(family, (const char *)name, length - 1);
        family[length - 1] = 0;
    }
    p_FcPatternDestroy(pattern);
    return status;
}

int lv_save_png(lv_image *image, const char *path, int compression, char *error, size_t length) {
    // A canvas carries no metadata: saved as it is, with a light deflate (most of a card is flat colour).
    void *buffer = NULL;
    size_t size = 0;
    if (p_vips_pngsave_buffer(image->image, &buffer, &size, "compression", compression, "strip", 1, NULL)) { lv_take_error(error, length); return -1; }
    int status = lv_write_file(path, buffer, size);
    p_g_free(buffer);
    if (status) lv_take_error(error, length);
    return status;
}
