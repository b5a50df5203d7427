#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

void cicu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

static const UNormalizer2 *nfc(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&status);
    return U_SUCCESS(status) ? n : NULL;
}

int32_t cicu_nfc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity) {
    const UNormalizer2 *n = nfc();
    if (n == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = unorm2_normalize(n, (const UChar *)source, length, (UChar *)dest, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return written;
    return U_SUCCESS(status) ? written : -1;
}

int32_t cicu_nfc_utf8(const uint8_t *source, int32_t length, uint8_t *dest, int32_t capacity) {
    const UNormalizer2 *n = nfc();
    if (n == NULL) return -1;
    UChar small_in[512], small_out[1024];
    UChar *in = small_in, *out = small_out;
    int32_t in_capacity = 512, out_capacity = 1024;
    if (length > in_capacity) {
        in_capacity = length;
        in = malloc(sizeof(UChar) * (size_t)in_capacity);
    }
    int32_t result = -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t in_length = 0;
    if (in == NULL) goto done;
    u_strFromUTF8(in, in_capacity, &in_length, (const char *)source, length, &status);
    if (U_FAILURE(status)) goto done;
    if (in_length * 3 + 16 > out_capacity) {
        out_capacity = in_length * 3 + 16;
        out = malloc(sizeof(UChar) * (size_t)out_capacity);
        if (out == NULL) goto done;
    }
    int32_t out_length = unorm2_normalize(n, in, in_length, out, out_capacity, &status);
    if (U_FAILURE(status)) goto done;
    int32_t written = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8((char *)dest, capacity, &written, out, out_length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status)) result = written;
done:
    if (in != small_in) free(in);
    if (out != small_out && out != NULL) free(out);
    return result;
}

int32_t cicu_nfc_flags(int32_t c) {
    const UNormalizer2 *n = nfc();
    if (n == NULL) return 3;
    int32_t flags = 0;
    if (unorm2_hasBoundaryBefore(n, (UChar32)c)) flags |= 1;
    if (u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass((UChar32)c) == 0)
        flags |= 2;
    return flags;
}

int32_t cicu_combining_class(int32_t c) { return (int32_t)u_getCombiningClass((UChar32)c); }

int32_t cicu_char_type(int32_t c) { return (int32_t)u_charType((UChar32)c); }

/// Converts UTF-8 to a freshly allocated UTF-16 buffer; NULL on failure.
static UChar *to_utf16(const uint8_t *utf8, int64_t length, int32_t *utf16_length) {
    if (length > INT32_MAX / 2) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8(NULL, 0, &needed, (const char *)utf8, (int32_t)length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
    UChar *buffer = malloc(sizeof(UChar) * ((size_t)needed + 1));
    if (buffer == NULL) return NULL;
    status = U_ZERO_ERROR;
    u_strFromUTF8(buffer, needed + 1, utf16_length, (const char *)utf8, (int32_t)length, &status);
    if (U_FAILURE(status)) { free(buffer); return NULL; }
    return buffer;
}

/// Kinds of ASCII characters whose break status is "none": 0 white space or control, else the kind.
static const uint8_t ascii_kind[128] = {
    ['!'] = CICU_TOKEN_PUNCTUATION, ['"'] = CICU_TOKEN_PUNCTUATION, ['#'] = CICU_TOKEN_PUNCTUATION,
    ['$'] = CICU_TOKEN_SYMBOL, ['%'] = CICU_TOKEN_PUNCTUATION, ['&'] = CICU_TOKEN_PUNCTUATION,
    ['\''] = CICU_TOKEN_PUNCTUATION, ['('] = CICU_TOKEN_PUNCTUATION, [')'] = CICU_TOKEN_PUNCTUATION,
    ['*'] = CICU_TOKEN_PUNCTUATION, ['+'] = CICU_TOKEN_SYMBOL, [','] = CICU_TOKEN_PUNCTUATION,
    ['-'] = CICU_TOKEN_PUNCTUATION, ['.'] = CICU_TOKEN_PUNCTUATION, ['/'] = CICU_TOKEN_PUNCTUATION,
    [':'] = CICU_TOKEN_PUNCTUATION, [';'] = CICU_TOKEN_PUNCTUATION, ['<'] = CICU_TOKEN_SYMBOL,
    ['='] = CICU_TOKEN_SYMBOL, ['>'] = CICU_TOKEN_SYMBOL, ['?'] = CICU_TOKEN_PUNCTUATION,
    ['@'] = CICU_TOKEN_PUNCTUATION, ['['] = CICU_TOKEN_PUNCTUATION, ['\\'] = CICU_TOKEN_PUNCTUATION,
    [']'] = CICU_TOKEN_PUNCTUATION, ['^'] = CICU_TOKEN_SYMBOL, ['_'] = CICU_TOKEN_PUNCTUATION,
    ['`'] = CICU_TOKEN_SYMBOL, ['{'] = CICU_TOKEN_PUNCTUATION, ['|'] = CICU_TOKEN_SYMBOL,
    ['}'] = CICU_TOKEN_PUNCTUATION, ['~'] = CICU_TOKEN_SYMBOL,
};

static uint8_t classify(const UChar *text, int32_t start, int32_t end, int32_t status);

/// The kind of a break piece. Letters and numbers by their rule status (ICU keeps "2.000.000"
/// one number); the common cases are read off the first code unit without a call into ICU.
static inline __attribute__((always_inline)) uint8_t classify_piece(const UChar *text, int32_t start, int32_t end, UBreakIterator *words) {
    UChar a = text[start];
    if (a < 0x80) {
        if ((a | 0x20) >= 'a' && (a | 0x20) <= 'z') return CICU_TOKEN_WORD;
        if (a >= '0' && a <= '9') return CICU_TOKEN_NUMBER;
        return ascii_kind[a];
    }
    if ((a >= 0xC0 && a < 0x250 && a != 0xD7 && a != 0xF7) || (a >= 0x1E00 && a < 0x1F00)) return CICU_TOKEN_WORD;
    int32_t status = ubrk_getRuleStatus(words);
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return CICU_TOKEN_NUMBER;
    if (status >= UBRK_WORD_LETTER) return CICU_TOKEN_WORD;
    return classify(text, start, end, status);
}

static uint8_t classify(const UChar *text, int32_t start, int32_t end, int32_t status) {
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return CICU_TOKEN_NUMBER;
    if (status >= UBRK_WORD_LETTER) return CICU_TOKEN_WORD;
    if (text[start] < 0x80) {
        UChar a = text[start];
        if (a >= '0' && a <= '9') return CICU_TOKEN_NUMBER;
        if ((a | 0x20) >= 'a' && (a | 0x20) <= 'z') return CICU_TOKEN_WORD;
        return ascii_kind[a];
    }
    UChar32 c;
    U16_GET(text, 0, start, end, c);
    switch (u_charType(c)) {
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
        return 0;
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
        return CICU_TOKEN_SYMBOL;
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
        return CICU_TOKEN_WORD;
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        return CICU_TOKEN_NUMBER;
    default:
        return u_isUWhiteSpace(c) ? 0 : CICU_TOKEN_PUNCTUATION;
    }
}

/// Converts valid UTF-8 to UTF-16, writing for each code unit the UTF-8 offset it came from
/// (`offsets[length16]` = `length`). A byte that starts no valid sequence becomes U+FFFD on its
/// own. Sets `*supplementary` when a surrogate pair was written. Returns the UTF-16 length.
static int32_t convert_with_offsets(const uint8_t *restrict s, int32_t n, UChar *restrict u,
                                    int32_t *restrict offsets, int *supplementary) {
    int32_t i = 0, j = 0;
    while (i < n) {
        uint8_t b = s[i];
        offsets[j] = i;
        if (b < 0x80) { u[j] = b; i += 1; j += 1; continue; }
        if (b < 0xE0) {
            if (b >= 0xC2 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
                u[j] = (UChar)(((b & 0x1F) << 6) | (s[i + 1] & 0x3F)); i += 2; j += 1; continue;
            }
        } else if (b < 0xF0) {
            if (i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
                uint32_t c = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
                if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) { u[j] = (UChar)c; i += 3; j += 1; continue; }
            }
        } else if (b < 0xF5 && i + 3 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
            uint32_t c = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) | ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            if (c >= 0x10000 && c <= 0x10FFFF) {
                u[j] = U16_LEAD(c); u[j + 1] = U16_TRAIL(c); offsets[j + 1] = i;
                *supplementary = 1; i += 4; j += 2; continue;
            }
        }
        u[j] = 0xFFFD; i += 1; j += 1;
    }
    offsets[j] = n;
    return j;
}

/// Where a chunk that starts at `from` may end, at most about `budget` bytes on: just after a
/// line feed, or else between a space and an ASCII letter or digit. Word boundaries are
/// mandatory at both places, so breaking each chunk on its own gives the whole text's breaks.
static int64_t chunk_end(const uint8_t *s, int64_t length, int64_t from, int64_t budget, int lines_only) {
    if (length - from <= budget) return length;
    int64_t limit = from + budget;
    for (int64_t i = limit; i > from + budget / 2; i--) {
        if (s[i - 1] == '\n') return i;
    }
    if (lines_only) {
        const uint8_t *lf = memchr(s + limit, '\n', (size_t)(length - limit));
        if (lf == NULL) {
            for (int64_t i = limit; i > from; i--) if (s[i - 1] == '\n') return i;
            return length;
        }
        return lf - s + 1;
    }
    for (int64_t i = limit; i > from + 1; i--) {
        uint8_t c = s[i];
        if (s[i - 1] == ' ' && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) return i;
    }
    // No safe place in the budget (one huge word): look further on.
    for (int64_t i = limit + 1; i < length; i++) {
        uint8_t c = s[i];
        if (s[i - 1] == '\n') return i;
        if (s[i - 1] == ' ' && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) return i;
    }
    return length;
}

struct cicu_break_iterator {
    const uint8_t *utf8;
    int64_t length;
    int64_t budget;
    /// Sentences may only be cut after a line feed; words also between a space and a letter.
    int lines_only;
    UBreakIterator *words;
    /// The current chunk: UTF-8 bytes [chunk8, next8), its UTF-16 text and offset tables.
    UChar *text;
    int32_t *offsets8;
    int32_t *scalars;
    int32_t capacity;
    int32_t scalar_capacity;
    int32_t length16;
    int supplementary;
    int64_t chunk8;
    int64_t next8;
    int64_t scalar_base;
    int64_t next_scalar_base;
    int32_t start;
    int loaded;
};

/// Loads the chunk after the current one; 0 at the end of the text or on an error.
static int load_chunk(cicu_break_iterator *it) {
    if (it->next8 >= it->length) return 0;
    int64_t from = it->next8;
    int64_t end = chunk_end(it->utf8, it->length, from, it->budget, it->lines_only);
    if (end - from > INT32_MAX / 4) return 0;
    int32_t n = (int32_t)(end - from);
    if (n + 1 > it->capacity) {
        int32_t capacity = n + 1;
        UChar *text = realloc(it->text, sizeof(UChar) * (size_t)capacity);
        if (text == NULL) return 0;
        it->text = text;
        int32_t *offsets8 = realloc(it->offsets8, sizeof(int32_t) * (size_t)capacity);
        if (offsets8 == NULL) return 0;
        it->offsets8 = offsets8;
        it->capacity = capacity;
    }
    it->supplementary = 0;
    it->length16 = convert_with_offsets(it->utf8 + from, n, it->text, it->offsets8, &it->supplementary);
    int32_t scalar_count = it->length16;
    if (it->supplementary) {
        // Only a chunk with characters outside the BMP needs the scalar table.
        if (it->length16 + 1 > it->scalar_capacity) {
            int32_t *scalars = realloc(it->scalars, sizeof(int32_t) * (size_t)(it->length16 + 1));
            if (scalars == NULL) return 0;
            it->scalars = scalars;
            it->scalar_capacity = it->length16 + 1;
        }
        int32_t s = 0;
        for (int32_t j = 0; j < it->length16; j++) {
            it->scalars[j] = s;
            if (U16_IS_LEAD(it->text[j]) && j + 1 < it->length16 && U16_IS_TRAIL(it->text[j + 1])) {
                it->scalars[j + 1] = s;
                j += 1;
            }
            s += 1;
        }
        it->scalars[it->length16] = s;
        scalar_count = s;
    }
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(it->words, it->text, it->length16, &status);
    if (U_FAILURE(status)) return 0;
    it->chunk8 = from;
    it->next8 = end;
    it->scalar_base = it->next_scalar_base;
    it->next_scalar_base += scalar_count;
    it->start = 0;
    it->loaded = 1;
    return 1;
}

static cicu_break_iterator *open_iterator(const uint8_t *utf8, int64_t length, const char *locale,
                                         UBreakIteratorType type, int64_t chunk_bytes) {
    cicu_break_iterator *it = calloc(1, sizeof(cicu_break_iterator));
    if (it == NULL) return NULL;
    it->utf8 = utf8;
    it->length = length;
    it->budget = chunk_bytes > 0 ? chunk_bytes : (1 << 16);
    it->lines_only = type == UBRK_SENTENCE;
    UErrorCode status = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    it->words = ubrk_open(type, locale, empty, 0, &status);
    if (U_FAILURE(status)) { free(it); return NULL; }
    return it;
}

cicu_break_iterator *cicu_words_open(const uint8_t *utf8, int64_t length, const char *locale, int64_t chunk_bytes) {
    return open_iterator(utf8, length, locale, UBRK_WORD, chunk_bytes);
}

cicu_break_iterator *cicu_sentences_open(const uint8_t *utf8, int64_t length, const char *locale, int64_t chunk_bytes) {
    return open_iterator(utf8, length, locale, UBRK_SENTENCE, chunk_bytes);
}

/// The next break of the text (an index into the current chunk), loading the following chunk at
/// the end of one; UBRK_DONE at the end of the text.
static inline int32_t next_break(cicu_break_iterator *it) {
    if (!it->loaded && !load_chunk(it)) return UBRK_DONE;
    for (;;) {
        int32_t end = ubrk_next(it->words);
        if (end != UBRK_DONE) return end;
        if (!load_chunk(it)) return UBRK_DONE;
    }
}

int32_t cicu_sentences_next(cicu_break_iterator *it, int64_t *ends, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = next_break(it);
        if (end == UBRK_DONE) break;
        ends[count++] = it->chunk8 + it->offsets8[end];
    }
    return count;
}

int32_t cicu_words_next(cicu_break_iterator *it, int64_t *starts, int64_t *ends, int64_t *scalar_starts,
                        int64_t *scalar_ends, uint8_t *kinds, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = next_break(it);
        if (end == UBRK_DONE) break;
        int32_t start = it->start;
        it->start = end;
        uint8_t kind = classify_piece(it->text, start, end, it->words);
        if (kind == 0) continue;
        starts[count] = it->chunk8 + it->offsets8[start];
        ends[count] = it->chunk8 + it->offsets8[end];
        if (it->supplementary) {
            scalar_starts[count] = it->scalar_base + it->scalars[start];
            scalar_ends[count] = it->scalar_base + it->scalars[end];
        } else {
            scalar_starts[count] = it->scalar_base + start;
            scalar_ends[count] = it->scalar_base + end;
        }
        kinds[count] = kind;
        count += 1;
    }
    return count;
}

void cicu_break_close(cicu_break_iterator *it) {
    if (it == NULL) return;
    ubrk_close(it->words);
    free(it->text);
    free(it->offsets8);
    free(it->scalars);
    free(it);
}

int64_t cicu_count_words(const uint8_t *utf8, int64_t length, const char *locale) {
    cicu_break_iterator *it = cicu_words_open(utf8, length, locale, 0);
    if (it == NULL) return -1;
    int64_t count = 0;
    while (load_chunk(it)) {
        for (int32_t end = ubrk_next(it->words); end != UBRK_DONE; end = ubrk_next(it->words)) {
            if (classify_piece(it->text, it->start, end, it->words) != 0) count += 1;
            it->start = end;
        }
    }
    cicu_break_close(it);
    return count;
}

struct cicu_collator { UCollator *collator; };

cicu_collator *cicu_collator_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open(locale, &status);
    if (U_FAILURE(status)) return NULL;
    cicu_collator *wrapper = malloc(sizeof(cicu_collator));
    if (wrapper == NULL) { ucol_close(collator); return NULL; }
    wrapper->collator = collator;
    return wrapper;
}

void cicu_collator_close(cicu_collator *collator) {
    if (collator == NULL) return;
    ucol_close(collator->collator);
    free(collator);
}

int32_t cicu_collator_compare(const cicu_collator *collator, const uint8_t *a, int32_t a_length,
                              const uint8_t *b, int32_t b_length) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult result = ucol_strcollUTF8(collator->collator, (const char *)a, a_length,
                                               (const char *)b, b_length, &status);
    if (U_FAILURE(status)) return 0;
    return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

int32_t cicu_collator_sort_key(const cicu_collator *collator, const uint8_t *text, int32_t length,
                               uint8_t *key, int32_t capacity) {
    int32_t length16 = 0;
    UChar *text16 = to_utf16(text, length, &length16);
    if (text16 == NULL) return 0;
    int32_t written = ucol_getSortKey(collator->collator, text16, length16, key, capacity);
    free(text16);
    return written;
}
