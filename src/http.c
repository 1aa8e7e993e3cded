/*
 * HTTP/1.1 framing of a request (spec §6): the bytes a client sends before
 * signing. The endpoint is datasync.<region>.<dnsSuffix>, the region and
 * partition read from the TaskExecutionArn, the suffix by partition.
 */
#include <string.h>

#include "internal.h"

#ifndef DSX_NO_EMITTER   /* framing writes the emitted body */

/* The DNS suffix of each partition, in dsx_arn_partition's order. */
static const char dns_suffixes[] =
    "amazonaws.com\0amazonaws.com.cn\0amazonaws.com\0amazonaws.eu\0c2s.ic.gov\0sc2s.sgov.gov";

/* The n-th ':'-separated field of the ARN (arn:PARTITION:datasync:REGION:...). */
static FOLDED bool arn_field(const dsx_request *r, int n, const char **start, size_t *length)
{
    const char *p = r->task_execution_arn, *end = p + r->task_execution_arn_length;
    int i;
    for (i = 0; i < n; i++) {
        p = memchr(p, ':', (size_t)(end - p));
        if (!p) return false;
        p++;
    }
    *start = p;
    p = memchr(p, ':', (size_t)(end - p));
    *length = (size_t)((p ? p : end) - *start);
    return true;
}

size_t dsx_http_request(const dsx_request *request, const dsx_kept *kept,
                        unsigned flags, char *buf, size_t size)
{
    const char *partition, *region;
    int index;
    size_t partition_length, region_length, body_length;
    dsx_writer w;
    flags &= ~(DSX_EMIT_PRETTY | DSX_EMIT_SORTED);   /* the body is the canonical form */
    body_length = request ? dsx_emit_request(request, kept, flags, NULL, 0) : 0;
    if (body_length == 0 || !arn_field(request, 1, &partition, &partition_length) ||
        !arn_field(request, 3, &region, &region_length) ||
        (index = dsx_arn_partition(partition, partition_length)) < 0) {
        if (buf && size) buf[0] = '\0';
        return 0;
    }
    dsx_writer_init(&w, buf, size);
    dsx_puts(&w, "POST / HTTP/1.1\r\nHost: datasync.");
    dsx_put(&w, region, region_length);
    dsx_put_char(&w, '.');
    dsx_puts(&w, dsx_nth_text(dns_suffixes, (unsigned)index));
    dsx_puts(&w, "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                 "X-Amz-Target: FmrsService.UpdateTaskExecution\r\nContent-Length: ");
    dsx_put_uint(&w, body_length);
    dsx_puts(&w, "\r\n\r\n");
    if (w.len < size) {   /* the body goes straight after, terminated by the emitter */
        dsx_emit_request(request, kept, flags, buf + w.len, size - w.len);
        return w.len + body_length;
    }
    dsx_writer_finish(&w);
    return w.len + body_length;
}

#else
typedef int dsx_http_c_compiled_out;   /* ISO C: no empty file */
#endif
