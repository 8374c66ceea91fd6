#include "liftoff_icu.h"

#include <string.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

int liftoff_plural_category(const char *locale, double n, char *out, int cap) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    UChar keyword[32];
    int32_t length = uplrules_select(rules, n, keyword, 32, &status);
    uplrules_close(rules);
    if (U_FAILURE(status) || length >= cap) return -1;
    u_UCharsToChars(keyword, out, length);
    out[length] = 0;
    return length;
}

int liftoff_plural_categories(const char *locale, char *out, int cap) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    UEnumeration *keywords = uplrules_getKeywords(rules, &status);
    int written = 0;
    const char *keyword;
    int32_t length;
    while (U_SUCCESS(status) && (keyword = uenum_next(keywords, &length, &status)) != NULL) {
        if (written + length + 2 > cap) { written = -1; break; }
        if (written > 0) out[written++] = ' ';
        memcpy(out + written, keyword, (size_t)length);
        written += length;
    }
    uenum_close(keywords);
    uplrules_close(rules);
    if (U_FAILURE(status) || written < 0) return -1;
    out[written] = 0;
    return written;
}

int liftoff_format_date(const char *locale, const char *skeleton, double seconds, char *out, int cap) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uskeleton[32], pattern[96], zone[] = {'U', 'T', 'C', 0}, text[128];
    u_charsToUChars(skeleton, uskeleton, (int32_t)strlen(skeleton) + 1);
    UDateTimePatternGenerator *generator = udatpg_open(locale, &status);
    if (U_FAILURE(status)) return -1;
    int32_t patternLength = udatpg_getBestPattern(generator, uskeleton, -1, pattern, 96, &status);
    udatpg_close(generator);
    if (U_FAILURE(status)) return -1;
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, zone, -1, pattern, patternLength, &status);
    if (U_FAILURE(status)) return -1;
    int32_t length = udat_format(format, seconds * 1000.0, text, 128, NULL, &status);
    udat_close(format);
    if (U_FAILURE(status)) return -1;
    int32_t written = 0;
    u_strToUTF8(out, cap, &written, text, length, &status);
    if (U_FAILURE(status) || written >= cap) return -1;
    out[written] = 0;
    return written;
}

int liftoff_is_right_to_left(const char *locale) {
    return uloc_isRightToLeft(locale) ? 1 : 0;
}

int liftoff_is_known_language(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    char language[16];
    int32_t length = uloc_getLanguage(locale, language, sizeof language, &status);
    if (U_FAILURE(status) || length == 0) return 0;
    UChar name[64];
    int32_t nameLength = uloc_getDisplayLanguage(language, "en", name, 64, &status);
    if (U_FAILURE(status) || nameLength == 0) return 0;
    // ICU echoes a code it has no name for.
    char echoed[64];
    if (nameLength >= (int32_t)sizeof echoed) return 1;
    u_UCharsToChars(name, echoed, nameLength);
    echoed[nameLength] = 0;
    return strcmp(echoed, language) != 0;
}

int liftoff_language_name(const char *locale, char *out, int cap) {
    UErrorCode status = U_ZERO_ERROR;
    UChar name[128];
    int32_t length = uloc_getDisplayName(locale, locale, name, 128, &status);
    if (U_FAILURE(status) || length <= 0) return -1;
    // Capitalised as a menu shows it ("Français"): the first letter's title case, where it has one.
    UChar32 first;
    int32_t offset = 0;
    U16_NEXT(name, offset, length, first);
    UChar32 title = u_totitle(first);
    UChar text[130];
    int32_t written = 0;
    UBool error = 0;
    U16_APPEND(text, written, 130, title, error);
    if (error) return -1;
    u_memcpy(text + written, name + offset, length - offset);
    written += length - offset;
    int32_t bytes = 0;
    u_strToUTF8(out, cap, &bytes, text, written, &status);
    if (U_FAILURE(status) || bytes >= cap) return -1;
    out[bytes] = 0;
    return bytes;
}

int liftoff_format_integer(const char *locale, long long value, char *out, int cap) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) return -1;
    UChar text[64];
    int32_t length = unum_formatInt64(format, value, text, 64, NULL, &status);
    unum_close(format);
    if (U_FAILURE(status)) return -1;
    int32_t bytes = 0;
    u_strToUTF8(out, cap, &bytes, text, length, &status);
    if (U_FAILURE(status) || bytes >= cap) return -1;
    out[bytes] = 0;
    return bytes;
}
