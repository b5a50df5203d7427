#include "cinflate.h"
#include <limits.h>
#include <zlib.h>

int cancu_inflate_raw(const uint8_t *in, size_t in_length, uint8_t *out, size_t capacity, size_t *written) {
    *written = 0;
    if (in_length > UINT_MAX || capacity > UINT_MAX) return 3;
    z_stream stream = {0};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return 3;
    stream.next_in = (Bytef *)in;
    stream.avail_in = (uInt)in_length;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int result = inflate(&stream, Z_FINISH);
    *written = stream.total_out;
    inflateEnd(&stream);
    if (result == Z_STREAM_END) return 0;
    if (result == Z_BUF_ERROR && stream.avail_out == 0 && stream.avail_in > 0) return 2;
    if (result == Z_MEM_ERROR) return 3;
    return 1;
}

uint32_t cancu_crc32(const uint8_t *bytes, size_t length) {
    uLong crc = crc32(0L, Z_NULL, 0);
    while (length > 0) {
        uInt chunk = length > (1u << 30) ? (1u << 30) : (uInt)length;
        crc = crc32(crc, bytes, chunk);
        bytes += chunk;
        length -= chunk;
    }
    return (uint32_t)crc;
}
