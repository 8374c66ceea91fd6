#include "liftoff_icu.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/unumsys.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uvernum.h>

// ICU is opened on first use, not linked: a site in English never asks it anything, and linking
// its libraries cost every process ~2 ms. Its headers rename each function for the version they
// belong to (uplrules_open → uplrules_open_72): the same names are looked up in that version.
#define NAME(f) #f
#define RENAMED(f) NAME(f)
#define ICU_FUNCTIONS(X) \
    X(uplrules_open) \
    X(uplrules_select) \
    X(uplrules_close) \
    X(uplrules_getKeywords) \
    X(uenum_next) \
    X(uenum_close) \
    X(udatpg_open) \
    X(udatpg_getBestPattern) \
    X(udatpg_close) \
    X(udat_open) \
    X(udat_format) \
    X(udat_close) \
    X(u_strToUTF8) \
    X(u_charsToUChars) \
    X(u_UCharsToChars) \
    X(uloc_isRightToLeft) \
    X(uloc_getLanguage) \
    X(uloc_getDisplayLanguage) \
    X(uloc_getDisplayName) \
    X(u_totitle) \
    X(u_memcpy) \
    X(unum_open) \
    X(unum_formatInt64) \
    X(unum_close) \
    X(unumsys_open) \
    X(unumsys_getName) \
    X(unumsys_close)

#define DECLARE(f) static __typeof__(&f) p_##f;
ICU_FUNCTIONS(DECLARE)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready = 0;

static void open_icu(void) {
    void *common = dlopen("libicuuc.so." U_ICU_VERSION_SHORT, RTLD_NOW | RTLD_GLOBAL);
    void *i18n = dlopen("libicui18n.so." U_ICU_VERSION_SHORT, RTLD_NOW | RTLD_GLOBAL);
    if (!common || !i18n) return;
#define FIND(f) p_##f = (__typeof__(&f))dlsym(i18n, RENAMED(f)); \
    if (!p_##f) p_##f = (__typeof__(&f))dlsym(common, RENAMED(f)); \
    if (!p_##f) return;
    ICU_FUNCTIONS(FIND)
    ready = 1;
}

/// Whether ICU is open (opened on the first call).
static int icu(void) {
    pthread_once(&once, open_icu);
    return ready;
}

/// `text` as UTF-8 in `out`, NUL-ended: its length, or -1 when it does not fit.
static int utf8(const UChar *text, int32_t length, char *out, int cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t bytes = 0;
    p_u_strToUTF8(out, cap, &bytes, text, length, &status);
    if (U_FAILURE(status) || bytes >= cap) return -1;
    out[bytes] = 0;
    return bytes;
}

int liftoff_plural_category(const char *locale, double n, char *out, int cap) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = p_uplrules_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    UChar keyword[32];
    int32_t length = p_uplrules_select(rules, n, keyword, 32, &status);
    p_uplrules_close(rules);
    if (U_FAILURE(status) || length >= cap) return -1;
    p_u_UCharsToChars(keyword, out, length);
    out[length] = 0;
    return length;
}

int liftoff_plural_categories(const char *locale, char *out, int cap) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = p_uplrules_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    UEnumeration *keywords = p_uplrules_getKeywords(rules, &status);
    int written = 0;
    const char *keyword;
    int32_t length;
    while (U_SUCCESS(status) && (keyword = p_uenum_next(keywords, &length, &status)) != NULL) {
        if (written + length + 2 > cap) { written = -1; break; }
        if (written > 0) out[written++] = ' ';
        memcpy(out + written, keyword, (size_t)length);
        written += length;
    }
    p_uenum_close(keywords);
    p_uplrules_close(rules);
    if (U_FAILURE(status) || written < 0) return -1;
    out[written] = 0;
    return written;
}

int liftoff_format_date(const char *locale, const char *skeleton, double seconds, char *out, int cap) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar uskeleton[32], pattern[96], zone[] = {'U', 'T', 'C', 0}, text[128];
    p_u_charsToUChars(skeleton, uskeleton, (int32_t)strlen(skeleton) + 1);
    UDateTimePatternGenerator *generator = p_udatpg_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    int32_t patternLength = p_udatpg_getBestPattern(generator, uskeleton, -1, pattern, 96, &status);
    p_udatpg_close(generator);
    if (U_FAILURE(status)) return -1;
    UDateFormat *format = p_udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, zone, -1, pattern, patternLength, &status);
    if (U_FAILURE(status)) return -1;
    int32_t length = p_udat_format(format, seconds * 1000.0, text, 128, NULL, &status);
    p_udat_close(format);
    if (U_FAILURE(status)) return -1;
    return utf8(text, length, out, cap);
}

int liftoff_is_right_to_left(const char *locale) {
    if (!icu()) return -1;
    return p_uloc_isRightToLeft(locale) ? 1 : 0;
}

int liftoff_is_known_language(const char *locale) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    char language[16];
    int32_t length = p_uloc_getLanguage(locale, language, sizeof language, &status);
    if (U_FAILURE(status) || length == 0) return 0;
    UChar name[64];
    int32_t nameLength = p_uloc_getDisplayLanguage(language, "en", name, 64, &status);
    if (U_FAILURE(status) || nameLength == 0) return 0;
    // ICU echoes a code it has no name for.
    char echoed[64];
    if (nameLength >= (int32_t)sizeof echoed) return 1;
    p_u_UCharsToChars(name, echoed, nameLength);
    echoed[nameLength] = 0;
    return strcmp(echoed, language) != 0;
}

int liftoff_language_name(const char *locale, char *out, int cap) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar name[128];
    int32_t length = p_uloc_getDisplayName(locale, locale, name, 128, &status);
    if (U_FAILURE(status) || length <= 0) return -1;
    // Capitalised as a menu shows it ("Français"): the first letter's title case, where it has one.
    UChar32 first;
    int32_t offset = 0;
    U16_NEXT(name, offset, length, first);
    UChar32 title = p_u_totitle(first);
    UChar text[130];
    int32_t written = 0;
    UBool error = 0;
    U16_APPEND(text, written, 130, title, error);
    if (error) return -1;
    p_u_memcpy(text + written, name + offset, length - offset);
    written += length - offset;
    return utf8(text, written, out, cap);
}

int liftoff_numbering_system(const char *locale, char *out, int cap) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UNumberingSystem *system = p_unumsys_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    const char *name = p_unumsys_getName(system);
    int length = name ? (int)strlen(name) : -1;
    if (length < 0 || length >= cap) length = -1; else memcpy(out, name, (size_t)length + 1);
    p_unumsys_close(system);
    return length;
}

int liftoff_format_integer(const char *locale, long long value, char *out, int cap) {
    if (!icu()) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = p_unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) return -1;
    UChar text[64];
    int32_t length = p_unum_formatInt64(format, value, text, 64, NULL, &status);
    p_unum_close(format);
    if (U_FAILURE(status)) return -1;
    return utf8(text, length, out, cap);
}
