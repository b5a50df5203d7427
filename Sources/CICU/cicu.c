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

/// Advances a (UTF-16 index, UTF-8 offset) cursor to the UTF-16 index `target`.
static inline void advance(const UChar *text, int32_t *index16, int64_t *offset8, int32_t target) {
    int32_t i = *index16;
    int64_t o = *offset8;
    while (i < target) {
        UChar u = text[i];
        if (u < 0x80) { o += 1; i += 1; }
        else if (u < 0x800) { o += 2; i += 1; }
        else if (U16_IS_LEAD(u) && i + 1 < target && U16_IS_TRAIL(text[i + 1])) { o += 4; i += 2; }
        else { o += 3; i += 1; }
    }
    *index16 = i;
    *offset8 = o;
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

struct cicu_words_iterator {
    UChar *text;
    UBreakIterator *words;
    int32_t start;
    int32_t index16;
    int64_t offset8;
};

cicu_words_iterator *cicu_words_open(const uint8_t *utf8, int64_t length, const char *locale) {
    cicu_words_iterator *it = calloc(1, sizeof(cicu_words_iterator));
    if (it == NULL) return NULL;
    int32_t length16 = 0;
    it->text = length == 0 ? calloc(1, sizeof(UChar)) : to_utf16(utf8, length, &length16);
    if (it->text == NULL) { free(it); return NULL; }
    UErrorCode status = U_ZERO_ERROR;
    it->words = ubrk_open(UBRK_WORD, locale, it->text, length16, &status);
    if (U_FAILURE(status)) { free(it->text); free(it); return NULL; }
    it->start = ubrk_first(it->words);
    return it;
}

int32_t cicu_words_next(cicu_words_iterator *it, int64_t *starts, int64_t *ends, uint8_t *kinds,
                        int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = ubrk_next(it->words);
        if (end == UBRK_DONE) break;
        int32_t start = it->start;
        it->start = end;
        uint8_t kind = classify(it->text, start, end, ubrk_getRuleStatus(it->words));
        if (kind == 0) continue;
        advance(it->text, &it->index16, &it->offset8, start);
        starts[count] = it->offset8;
        advance(it->text, &it->index16, &it->offset8, end);
        ends[count] = it->offset8;
        kinds[count] = kind;
        count += 1;
    }
    return count;
}

void cicu_words_close(cicu_words_iterator *it) {
    if (it == NULL) return;
    ubrk_close(it->words);
    free(it->text);
    free(it);
}

int64_t cicu_count_words(const uint8_t *utf8, int64_t length, const char *locale) {
    cicu_words_iterator *it = cicu_words_open(utf8, length, locale);
    if (it == NULL) return -1;
    int64_t count = 0;
    for (int32_t end = ubrk_next(it->words); end != UBRK_DONE; end = ubrk_next(it->words)) {
        if (classify(it->text, it->start, end, ubrk_getRuleStatus(it->words)) != 0) count += 1;
        it->start = end;
    }
    cicu_words_close(it);
    return count;
}

int64_t cicu_sentences(const uint8_t *utf8, int64_t length, const char *locale, int64_t *ends) {
    if (length == 0) return 0;
    int32_t length16 = 0;
    UChar *text = to_utf16(utf8, length, &length16);
    if (text == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *sentences = ubrk_open(UBRK_SENTENCE, locale, text, length16, &status);
    if (U_FAILURE(status)) { free(text); return -1; }
    int64_t count = 0;
    int32_t index16 = 0;
    int64_t offset8 = 0;
    ubrk_first(sentences);
    for (int32_t end = ubrk_next(sentences); end != UBRK_DONE; end = ubrk_next(sentences)) {
        advance(text, &index16, &offset8, end);
        ends[count++] = offset8;
    }
    ubrk_close(sentences);
    free(text);
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
