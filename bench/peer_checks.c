/* Plain checks for the peers (see peer_checks.h). */
#include "peer_checks.h"

#include <string.h>

static const char *const option_names[15] = {
    "VerifyMode", "OverwriteMode", "Atime", "Mtime", "Uid", "Gid", "PreserveDeletedFiles",
    "PreserveDevices", "PosixPermissions", "BytesPerSecond", "TaskQueueing", "LogLevel",
    "TransferMode", "SecurityDescriptorCopyFlags", "ObjectTags"
};
enum { ATIME = 2, MTIME = 3, PRESERVE_DELETED = 6, BYTES_PER_SECOND = 9, TRANSFER_MODE = 12 };

static const char *const enum_values[15][5] = {
    {"POINT_IN_TIME_CONSISTENT", "ONLY_FILES_TRANSFERRED", "NONE", 0},
    {"ALWAYS", "NEVER", 0},
    {"NONE", "BEST_EFFORT", 0},
    {"NONE", "PRESERVE", 0},
    {"NONE", "INT_VALUE", "NAME", "BOTH", 0},
    {"NONE", "INT_VALUE", "NAME", "BOTH", 0},
    {"PRESERVE", "REMOVE", 0},
    {"NONE", "PRESERVE", 0},
    {"NONE", "PRESERVE", 0},
    {0},
    {"ENABLED", "DISABLED", 0},
    {"OFF", "BASIC", "TRANSFER", 0},
    {"CHANGED", "ALL", 0},
    {"NONE", "OWNER_DACL", "OWNER_DACL_SACL", 0},
    {"PRESERVE", "NONE", 0},
};

static int same(const char *a, const char *s, size_t n)
{
    return strlen(a) == n && memcmp(a, s, n) == 0;
}

static int only(const char *s, size_t n, const char *set)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!strchr(set, s[i])) return 0;
    return 1;
}

#define DIGITS "0123456789"
#define HEX "0123456789abcdef"

/* ^arn:(partition):datasync:[a-z\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$ */
static int arn_matches(const char *s, size_t n)
{
    static const char *const partitions[] = {"aws", "aws-cn", "aws-us-gov", "aws-eusc", "aws-iso", "aws-iso-b"};
    const char *end = s + n, *colon;
    size_t i, run;
    int known = 0;
    if (n < 4 || memcmp(s, "arn:", 4) != 0) return 0;
    s += 4;
    colon = memchr(s, ':', (size_t)(end - s));
    if (!colon) return 0;
    for (i = 0; i < 6; i++) known |= same(partitions[i], s, (size_t)(colon - s));
    if (!known) return 0;
    s = colon + 1;
    if (end - s < 9 || memcmp(s, "datasync:", 9) != 0) return 0;
    s += 9;
    colon = memchr(s, ':', (size_t)(end - s));
    if (!colon) return 0;
    run = (size_t)(colon - s);
    if (run == 0 || !only(s, run, "abcdefghijklmnopqrstuvwxyz-" DIGITS)) return 0;
    s = colon + 1;
    return end - s == 73 && only(s, 12, DIGITS) && memcmp(s + 12, ":task/task-", 11) == 0 &&
           only(s + 23, 17, HEX) && memcmp(s + 40, "/execution/exec-", 16) == 0 &&
           only(s + 56, 17, HEX);
}

static size_t code_points(const char *s, size_t n)
{
    size_t i, count = 0;
    for (i = 0; i < n; i++) count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

void pc_begin(pc_state *s, int in_request, int wire)
{
    memset(s, 0, sizeof *s);
    s->in_request = in_request;
    s->wire = wire;
    memset(s->values, -1, sizeof s->values);
}

int pc_request_member(pc_state *s, const char *name, size_t n, const pc_value *v)
{
    unsigned bit;
    int arn = same("TaskExecutionArn", name, n);
    if (!arn && !same("Options", name, n)) {
        if (!s->wire) s->errors++;   /* unknown member */
        return 0;
    }
    bit = arn ? 1u : 2u;
    if (s->request_seen & bit) {
        s->errors++;   /* duplicate */
        return 0;
    }
    if (v->kind == PC_NULL && s->wire) return 0;   /* absent */
    s->request_seen |= bit;
    if (!arn) {
        if (v->kind == PC_OBJECT) return 1;
        s->errors++;
        return 0;
    }
    if (v->kind != PC_STRING) {
        s->errors++;
        return 0;
    }
    if (code_points(v->string, v->length) > 2048) s->errors++;
    if (!arn_matches(v->string, v->length)) s->errors++;
    return 0;
}

static void check_enum(pc_state *s, int member, const pc_value *v)
{
    int k;
    if (v->kind != PC_STRING) {
        s->errors++;
        return;
    }
    for (k = 0; enum_values[member][k]; k++)
        if (same(enum_values[member][k], v->string, v->length)) {
            s->values[member] = k;
            return;
        }
    s->errors++;
}

void pc_option_member(pc_state *s, const char *name, size_t n, const pc_value *v)
{
    int member;
    for (member = 0; member < 15; member++)
        if (same(option_names[member], name, n)) break;
    if (member == 15) {
        if (!s->wire) s->errors++;   /* unknown member */
        return;
    }
    if (s->options_seen & (1u << member)) {
        s->errors++;   /* duplicate */
        return;
    }
    s->options_seen |= 1u << member;
    if (v->kind == PC_NULL && s->wire) return;   /* absent */
    /* not updatable: an error in the strict profile, a warning on the wire */
    if (s->in_request && member != BYTES_PER_SECOND && !s->wire) s->errors++;
    if (member != BYTES_PER_SECOND) {
        check_enum(s, member, v);
        return;
    }
    if (v->kind == PC_NUMBER && s->wire && v->number >= -1 && v->number < 9.2e18 &&
        (double)(long long)v->number == v->number)
        return;
    if (v->kind != PC_INTEGER || v->integer < -1) s->errors++;
}

void pc_end_options(pc_state *s)
{
    const int *v = s->values;
    if (v[ATIME] >= 0 && v[MTIME] >= 0 && (v[ATIME] == 1) != (v[MTIME] == 1)) s->errors++;
    if (v[PRESERVE_DELETED] == 1 && v[TRANSFER_MODE] == 1) s->errors++;
}

void pc_end_request(pc_state *s)
{
    if (!(s->request_seen & 1u)) s->errors++;
    if (!(s->request_seen & 2u)) s->errors++;
}
