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
    /// 0: every byte goes through ICU (the reference); 1: simple runs are segmented in C.
    int fast;
    UBreakIterator *words;
    /// The current ICU region: UTF-8 bytes [chunk8, next8), its UTF-16 text and offset tables.
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
    /// True while breaks come from ICU over the current region.
    int loaded;
    /// Where the next piece starts (a boundary) when no region is loaded, and its scalar offset.
    int64_t pos8;
    int64_t pos_scalar;
};

/// Loads the region [from, end) of the text into ICU; 0 on an error.
static int load_region(cicu_break_iterator *it, int64_t from, int64_t end) {
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
        // Only a region with characters outside the BMP needs the scalar table.
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
    it->scalar_base = it->pos_scalar;
    it->next_scalar_base = it->pos_scalar + scalar_count;
    it->start = 0;
    it->loaded = 1;
    return 1;
}

/// Ends the current ICU region: the next piece starts where it ended.
static inline void end_region(cicu_break_iterator *it) {
    it->loaded = 0;
    it->pos8 = it->next8;
    it->pos_scalar = it->next_scalar_base;
}

static cicu_break_iterator *open_iterator(const uint8_t *utf8, int64_t length, const char *locale,
                                         UBreakIteratorType type, int64_t chunk_bytes) {
    cicu_break_iterator *it = calloc(1, sizeof(cicu_break_iterator));
    if (it == NULL) return NULL;
    it->utf8 = utf8;
    it->length = length;
    it->budget = chunk_bytes > 0 ? chunk_bytes : (1 << 16);
    it->lines_only = type == UBRK_SENTENCE;
    it->fast = 1;
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

void cicu_break_set_icu_only(cicu_break_iterator *it, int32_t icu_only) {
    if (it != NULL && !it->loaded && it->pos8 == 0) it->fast = icu_only ? 0 : 1;
}

// MARK: The fast path
//
// ICU stays the authority: the fast path segments only runs whose UAX #29 boundaries follow from
// a few character classes, and hands ICU a region around anything else. A region starts at a
// boundary the fast path has established and ends where a boundary is mandatory whatever comes
// before or after (just after a line feed; between an ASCII space, tab or CR and a character of
// the classes word, mid or punct below), so ICU over the region gives the whole text's breaks.

enum {
    /// Anything else: combining marks, other scripts, controls, invalid bytes, MidLetter and
    /// MidNum characters outside ASCII, emoji, ZWJ, ... (ICU decides).
    F_COMPLEX = 0,
    /// ASCII white space: no token, breaks on both sides (runs of spaces are one piece).
    F_SPACE,
    /// ALetter, Numeric or ExtendNumLet: ASCII letters, digits, '_', precomposed Latin letters
    /// (U+00C0-U+024F but U+00D7 and U+00F7, U+1E00-U+1EFF). A run of them is one piece (WB5,
    /// WB8-10, WB13a-b).
    F_WORD,
    /// '.', apostrophe, ',', ';', ':' (MidNumLet, Single_Quote, MidNum, MidLetter): one piece
    /// each, unless between two word characters (WB6-7, WB11-12): then ICU decides.
    F_MID,
    /// Other ASCII punctuation and symbols, and U+2013, U+2014, U+201C, U+201D, U+2026
    /// (Word_Break Other, not pictographic): one piece each (WB999).
    F_PUNCT,
};

static const uint8_t ascii_class[128] = {
    ['\t'] = F_SPACE, ['\n'] = F_SPACE, ['\v'] = F_SPACE, ['\f'] = F_SPACE, ['\r'] = F_SPACE, [' '] = F_SPACE,
    ['!'] = F_PUNCT, ['"'] = F_PUNCT, ['#'] = F_PUNCT, ['$'] = F_PUNCT, ['%'] = F_PUNCT, ['&'] = F_PUNCT,
    ['\''] = F_MID, ['('] = F_PUNCT, [')'] = F_PUNCT, ['*'] = F_PUNCT, ['+'] = F_PUNCT, [','] = F_MID,
    ['-'] = F_PUNCT, ['.'] = F_MID, ['/'] = F_PUNCT,
    ['0'] = F_WORD, ['1'] = F_WORD, ['2'] = F_WORD, ['3'] = F_WORD, ['4'] = F_WORD,
    ['5'] = F_WORD, ['6'] = F_WORD, ['7'] = F_WORD, ['8'] = F_WORD, ['9'] = F_WORD,
    [':'] = F_MID, [';'] = F_MID, ['<'] = F_PUNCT, ['='] = F_PUNCT, ['>'] = F_PUNCT, ['?'] = F_PUNCT, /* '@' joins letters and digits in ICU 72 ("x@y.vn" is one word): ICU decides */
    ['A'] = F_WORD, ['B'] = F_WORD, ['C'] = F_WORD, ['D'] = F_WORD, ['E'] = F_WORD, ['F'] = F_WORD, ['G'] = F_WORD,
    ['H'] = F_WORD, ['I'] = F_WORD, ['J'] = F_WORD, ['K'] = F_WORD, ['L'] = F_WORD, ['M'] = F_WORD, ['N'] = F_WORD,
    ['O'] = F_WORD, ['P'] = F_WORD, ['Q'] = F_WORD, ['R'] = F_WORD, ['S'] = F_WORD, ['T'] = F_WORD, ['U'] = F_WORD,
    ['V'] = F_WORD, ['W'] = F_WORD, ['X'] = F_WORD, ['Y'] = F_WORD, ['Z'] = F_WORD,
    ['['] = F_PUNCT, ['\\'] = F_PUNCT, [']'] = F_PUNCT, ['^'] = F_PUNCT, ['_'] = F_WORD, ['`'] = F_PUNCT,
    ['a'] = F_WORD, ['b'] = F_WORD, ['c'] = F_WORD, ['d'] = F_WORD, ['e'] = F_WORD, ['f'] = F_WORD, ['g'] = F_WORD,
    ['h'] = F_WORD, ['i'] = F_WORD, ['j'] = F_WORD, ['k'] = F_WORD, ['l'] = F_WORD, ['m'] = F_WORD, ['n'] = F_WORD,
    ['o'] = F_WORD, ['p'] = F_WORD, ['q'] = F_WORD, ['r'] = F_WORD, ['s'] = F_WORD, ['t'] = F_WORD, ['u'] = F_WORD,
    ['v'] = F_WORD, ['w'] = F_WORD, ['x'] = F_WORD, ['y'] = F_WORD, ['z'] = F_WORD,
    ['{'] = F_PUNCT, ['|'] = F_PUNCT, ['}'] = F_PUNCT, ['~'] = F_PUNCT,
};

/// The fast-path class of the character at `s[i]` (`i < n`) and its length in bytes.
static inline __attribute__((always_inline)) int fast_class(const uint8_t *s, int64_t i, int64_t n, int *len) {
    uint8_t b = s[i];
    if (b < 0x80) { *len = 1; return ascii_class[b]; }
    if (b >= 0xC3 && b <= 0xC9) {
        // U+00C0-U+024F, but U+00D7 and U+00F7.
        if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80 && !(b == 0xC3 && (s[i + 1] == 0x97 || s[i + 1] == 0xB7))) {
            *len = 2; return F_WORD;
        }
        return F_COMPLEX;
    }
    if (b == 0xE1) {
        // U+1E00-U+1EFF: E1 B8..BB xx.
        if (i + 2 < n && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB && (s[i + 2] & 0xC0) == 0x80) { *len = 3; return F_WORD; }
        return F_COMPLEX;
    }
    if (b == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
        uint8_t c = s[i + 2];
        if (c == 0x93 || c == 0x94 || c == 0x9C || c == 0x9D || c == 0xA6) { *len = 3; return F_PUNCT; }
    }
    return F_COMPLEX;
}

/// The first place after `p` where a region may end: just after a line feed, between an ASCII
/// space, tab or CR and a character of the classes word, mid or punct, or the end of the text.
static int64_t region_end(const uint8_t *s, int64_t n, int64_t p) {
    for (int64_t k = p + 1; k < n; k++) {
        uint8_t a = s[k - 1];
        if (a == '\n') return k;
        if (a == ' ' || a == '\t' || a == '\r') {
            int len;
            int c = fast_class(s, k, n, &len);
            if (c == F_WORD || c == F_MID || c == F_PUNCT) return k;
        }
    }
    return n;
}

/// Segments from `it->pos8` in C while the text is simple, writing tokens from index `*count`.
/// Returns -1 when it stopped for capacity or at the end of the text, else the offset of a
/// character it cannot decide (the region for ICU then starts at `it->pos8`, a boundary).
static int64_t fast_words(cicu_break_iterator *it, int64_t *starts, int64_t *ends, int64_t *scalar_starts,
                          int64_t *scalar_ends, uint8_t *kinds, int32_t capacity, int32_t *count) {
    const uint8_t *s = it->utf8;
    const int64_t n = it->length;
    int64_t pos = it->pos8, scalar = it->pos_scalar;
    int32_t c = *count;
    int64_t problem = -1;
    while (c < capacity && pos < n) {
        int len;
        int cls = fast_class(s, pos, n, &len);
        int64_t j = pos + len, chars = 1;
        uint8_t kind = 0;
        switch (cls) {
        case F_COMPLEX:
            problem = pos;
            goto stop;
        case F_SPACE:
            while (j < n && s[j] < 0x80 && ascii_class[s[j]] == F_SPACE) { j += 1; chars += 1; }
            break;
        case F_WORD: {
            uint8_t a = s[pos];
            kind = a >= 0x80 ? CICU_TOKEN_WORD
                 : (a >= '0' && a <= '9') ? CICU_TOKEN_NUMBER
                 : a == '_' ? ascii_kind['_'] : CICU_TOKEN_WORD;
            while (j < n) {
                int l;
                int k = fast_class(s, j, n, &l);
                if (k == F_WORD) { j += l; chars += 1; continue; }
                if (k == F_MID && j + 1 < n) {
                    int l2;
                    int y = fast_class(s, j + 1, n, &l2);
                    if (y == F_WORD || y == F_COMPLEX) { problem = j + 1; goto stop; }
                }
                break;
            }
            break;
        }
        case F_MID:
        case F_PUNCT:
            kind = s[pos] < 0x80 ? ascii_kind[s[pos]] : CICU_TOKEN_PUNCTUATION;
            break;
        }
        // A combining mark (or anything else ICU must see) right after the piece may belong to it.
        if (j < n) {
            int l;
            if (fast_class(s, j, n, &l) == F_COMPLEX) { problem = j; goto stop; }
        }
        if (kind != 0) {
            starts[c] = pos;
            ends[c] = j;
            scalar_starts[c] = scalar;
            scalar_ends[c] = scalar + chars;
            kinds[c] = kind;
            c += 1;
        }
        pos = j;
        scalar += chars;
    }
stop:
    it->pos8 = pos;
    it->pos_scalar = scalar;
    *count = c;
    return problem;
}

/// ASCII bytes that are neither sentence terminators nor separators (nor other controls).
static const uint8_t sentence_plain[256] = {
    ['\t'] = 1,
    [' '] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1,
    ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['/'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
    ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1, ['<'] = 1,
    ['='] = 1, ['>'] = 1, ['@'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
    ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['a'] = 1,
    ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1,
    ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['{'] = 1, ['|'] = 1,
    ['}'] = 1, ['~'] = 1,
};

/// True when the only sentence break of the line [a, e) (e just after its line feed, or the end
/// of the text) is at e: no terminator but in a final run "[.?!]+ closing* spaces*", no
/// separator but its final line feed, and only characters of the fast path's classes.
static int simple_sentence_line(const uint8_t *s, int64_t a, int64_t e) {
    int64_t i = a;
    int64_t body_end = e;
    if (body_end > a && s[body_end - 1] == '\n') body_end -= 1;
    if (body_end > a && s[body_end - 1] == '\r') body_end -= 1;
    while (i < body_end) {
        while (i < body_end && sentence_plain[s[i]]) i += 1;
        if (i == body_end) break;
        uint8_t b = s[i];
        if (b == '.' || b == '?' || b == '!') break;
        if (b < 0x80) return 0;
        int len;
        if (fast_class(s, i, body_end, &len) == F_COMPLEX) return 0;
        i += len;
    }
    if (i == body_end) return 1;
    // The final run: terminators, then closing marks, then spaces.
    while (i < body_end && (s[i] == '.' || s[i] == '?' || s[i] == '!')) i += 1;
    for (;;) {
        if (i < body_end && (s[i] == ')' || s[i] == '"' || s[i] == '\'' || s[i] == ']' || s[i] == '}')) { i += 1; continue; }
        if (i + 3 <= body_end && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x9D) { i += 3; continue; }
        break;
    }
    while (i < body_end && (s[i] == ' ' || s[i] == '\t')) i += 1;
    return i == body_end;
}

int32_t cicu_sentences_next(cicu_break_iterator *it, int64_t *ends, int32_t capacity) {
    int32_t count = 0;
    const uint8_t *s = it->utf8;
    const int64_t n = it->length;
    while (count < capacity) {
        if (it->loaded) {
            int32_t end = ubrk_next(it->words);
            if (end != UBRK_DONE) { ends[count++] = it->chunk8 + it->offsets8[end]; continue; }
            end_region(it);
        }
        if (it->pos8 >= n) break;
        int64_t from = it->pos8;
        if (!it->fast) {
            if (!load_region(it, from, chunk_end(s, n, from, it->budget, 1))) break;
            continue;
        }
        const uint8_t *lf = memchr(s + from, '\n', (size_t)(n - from));
        int64_t e = lf == NULL ? n : (lf - s) + 1;
        if (simple_sentence_line(s, from, e)) {
            ends[count++] = e;
            it->pos8 = e;
            continue;
        }
        // Consecutive lines ICU must see, up to the budget.
        int64_t b = e;
        while (b < n && b - from < it->budget) {
            const uint8_t *lf2 = memchr(s + b, '\n', (size_t)(n - b));
            int64_t e2 = lf2 == NULL ? n : (lf2 - s) + 1;
            if (simple_sentence_line(s, b, e2)) break;
            b = e2;
        }
        if (!load_region(it, from, b)) break;
    }
    return count;
}

int32_t cicu_words_next(cicu_break_iterator *it, int64_t *starts, int64_t *ends, int64_t *scalar_starts,
                        int64_t *scalar_ends, uint8_t *kinds, int32_t capacity) {
    int32_t count = 0;
    const uint8_t *s = it->utf8;
    const int64_t n = it->length;
    while (count < capacity) {
        if (it->loaded) {
            int32_t end = ubrk_next(it->words);
            if (end == UBRK_DONE) { end_region(it); continue; }
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
            continue;
        }
        if (it->pos8 >= n) break;
        if (!it->fast) {
            if (!load_region(it, it->pos8, chunk_end(s, n, it->pos8, it->budget, 0))) break;
            continue;
        }
        int64_t problem = fast_words(it, starts, ends, scalar_starts, scalar_ends, kinds, capacity, &count);
        if (problem < 0) continue;
        if (!load_region(it, it->pos8, region_end(s, n, problem))) break;
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
    enum { capacity = 1024 };
    int64_t starts[capacity], ends[capacity], scalar_starts[capacity], scalar_ends[capacity];
    uint8_t kinds[capacity];
    int64_t count = 0;
    for (;;) {
        int32_t got = cicu_words_next(it, starts, ends, scalar_starts, scalar_ends, kinds, capacity);
        if (got == 0) break;
        count += got;
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
