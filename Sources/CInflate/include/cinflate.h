#ifndef CINFLATE_H
#define CINFLATE_H
#include <stddef.h>
#include <stdint.h>

/// Inflates the raw deflate stream `in` (as stored in a ZIP entry) into `out`, writing at most
/// `capacity` bytes; `*written` is set to what was written. Returns 0 when the stream ended, 1 for
/// corrupt or truncated data, 2 when the output would exceed `capacity`, 3 when zlib failed.
int cancu_inflate_raw(const uint8_t *in, size_t in_length, uint8_t *out, size_t capacity, size_t *written);

/// The CRC-32 of `length` bytes, as ZIP stores it.
uint32_t cancu_crc32(const uint8_t *bytes, size_t length);

#endif
