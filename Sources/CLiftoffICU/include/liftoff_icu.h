#ifndef LIFTOFF_ICU_H
#define LIFTOFF_ICU_H

/// CLDR data through the system's ICU, behind plain C types: ICU's own headers would clash with
/// Foundation's bundled copy of ICU in any Swift module that saw both.

/// Writes the CLDR plural category of `n` in `locale` ("one", "few", "other"…) to `out`, NUL-ended.
/// Returns its length, or -1 when ICU has no rules for the locale or `cap` is too small.
int liftoff_plural_category(const char *locale, double n, char *out, int cap);

/// Writes the plural categories `locale` uses, separated by spaces, to `out`, NUL-ended.
/// Returns the length, or -1.
int liftoff_plural_categories(const char *locale, char *out, int cap);

/// Formats the instant `seconds` (since 1970, UTC) in `locale` with the date fields of `skeleton`
/// ("yMMMMd": 24 November 2026; "MMMd": 24 Nov), as the locale orders and spells them, in UTF-8.
/// Returns the length written to `out` (NUL-ended), or -1.
int liftoff_format_date(const char *locale, const char *skeleton, double seconds, char *out, int cap);

/// 1 when `locale`'s script is written right to left (Arabic, Hebrew, Persian, Urdu), 0 otherwise.
int liftoff_is_right_to_left(const char *locale);

/// 1 when ICU knows `locale`'s language (its display name is not the code itself), 0 otherwise.
int liftoff_is_known_language(const char *locale);

/// Writes `value` as `locale` writes a whole number (its digits and grouping: "1 000", "١٢"), in
/// UTF-8. Returns its length, or -1.
int liftoff_format_integer(const char *locale, long long value, char *out, int cap);

/// Writes the name of the digits `locale` writes numbers with ("latn", "arab"), as Unicode's
/// numbering systems name them. Returns its length, or -1.
int liftoff_numbering_system(const char *locale, char *out, int cap);

/// Writes the name of `locale`'s language as that language writes it ("français", "日本語"), in
/// UTF-8. Returns its length, or -1.
int liftoff_language_name(const char *locale, char *out, int cap);

#endif
