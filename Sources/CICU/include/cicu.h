// A thin C layer over the system ICU (Debian's libicu-dev).
//
// This header deliberately includes no ICU header and uses only plain C types: Foundation carries
// its own ICU with the same C names, and a Swift module that sees both fails to build (see
// ../shared/reference/swift-engineering-notes.md). Only cicu.c includes <unicode/...>, where ICU's
// versioned-name macros (ubrk_open -> ubrk_open_72) expand as usual.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's version, e.g. "72.1", written into `buffer` (NUL-terminated).
void cicu_version(char *buffer, int32_t capacity);

// MARK: Normalisation

/// NFC of `source` (UTF-16). Returns the length written to `dest`, or the needed length when
/// `capacity` is too small, or -1 on any other ICU error.
int32_t cicu_nfc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity);

/// NFC of UTF-8 text into `dest` (UTF-8). Returns the length written, the needed length when
/// `capacity` is too small, or -1 on an error.
int32_t cicu_nfc_utf8(const uint8_t *source, int32_t length, uint8_t *dest, int32_t capacity);

/// NFC properties of `c`: bit 1 set when a normalisation boundary lies before it (it starts a
/// segment), bit 2 set when it is stable (NFC quick check "yes" and combining class 0).
int32_t cicu_nfc_flags(int32_t c);

/// The canonical combining class of `c` (0 for starters).
int32_t cicu_combining_class(int32_t c);

/// ICU's general category of `c` (UCharCategory): 1..5 letters, 6..8 marks, 9..11 numbers,
/// 12..17 separators and controls, 19..23 and 28..29 punctuation, 24..27 symbols.
int32_t cicu_char_type(int32_t c);

// MARK: Word and sentence breaks

/// Token kinds written by cicu_words.
enum {
    CICU_TOKEN_WORD = 1,
    CICU_TOKEN_NUMBER = 2,
    CICU_TOKEN_PUNCTUATION = 3,
    CICU_TOKEN_SYMBOL = 4,
};

/// The number of ICU word-break tokens of UTF-8 text, white space aside; -1 on an ICU error.
int64_t cicu_count_words(const uint8_t *utf8, int64_t length, const char *locale);

/// A word- or sentence-break iterator over UTF-8 text that hands out breaks in batches (bounded
/// memory).
typedef struct cicu_break_iterator cicu_break_iterator;

/// Opens an iterator over `utf8` (which must stay alive until closed); NULL on an ICU error.
/// The text is broken in chunks of about `chunk_bytes` (0: 64 KiB) cut where a word boundary is
/// mandatory (after a line feed, between a space and an ASCII letter or digit), so memory stays
/// bounded and offsets are table look-ups.
cicu_break_iterator *cicu_words_open(const uint8_t *utf8, int64_t length, const char *locale, int64_t chunk_bytes);

/// Writes up to `capacity` next tokens: UTF-8 byte offsets, Unicode-scalar offsets and CICU_TOKEN_
/// kinds. Returns how many (0 at the end).
int32_t cicu_words_next(cicu_break_iterator *iterator, int64_t *starts, int64_t *ends, int64_t *scalar_starts,
                        int64_t *scalar_ends, uint8_t *kinds, int32_t capacity);

/// Opens a sentence-break iterator over `utf8`, fed in chunks cut after line feeds (where a
/// sentence break is mandatory); NULL on an ICU error.
cicu_break_iterator *cicu_sentences_open(const uint8_t *utf8, int64_t length, const char *locale, int64_t chunk_bytes);

/// Writes up to `capacity` next sentence ends (UTF-8 byte offsets); returns how many (0 at the end).
int32_t cicu_sentences_next(cicu_break_iterator *iterator, int64_t *ends, int32_t capacity);

/// With `icu_only` set (before the first call to _next), every byte goes through ICU: the
/// reference the fast path is tested against. By default runs of simple text (ASCII, precomposed
/// Latin letters, a few punctuation marks) are segmented in C with exactly ICU's results.
void cicu_break_set_icu_only(cicu_break_iterator *iterator, int32_t icu_only);

void cicu_break_close(cicu_break_iterator *iterator);

// MARK: Collation

typedef struct cicu_collator cicu_collator;

/// Opens a collator for `locale` ("vi"); NULL on failure. Safe to share between threads for
/// comparisons once opened.
cicu_collator *cicu_collator_open(const char *locale);
void cicu_collator_close(cicu_collator *collator);

/// Compares two UTF-8 strings: -1, 0 or 1.
int32_t cicu_collator_compare(const cicu_collator *collator, const uint8_t *a, int32_t a_length,
                              const uint8_t *b, int32_t b_length);

/// Writes the sort key of a UTF-8 string; returns its length (needed length when too small).
int32_t cicu_collator_sort_key(const cicu_collator *collator, const uint8_t *text, int32_t length,
                               uint8_t *key, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
