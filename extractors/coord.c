/* coord.c: the coordinates family. A latitude/longitude pair written in
 * decimal degrees ("39.918647° 127.520584°", "39.918° N latitude and
 * 127.536° E longitude"), in degrees-minutes-seconds ("39°55′N 127°32′E"),
 * or as a bare pair of long decimals ("39.9186, 127.5206"). */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

#define WS "(?:\\x20|\\x{a0})"
#define DEG "[\\x{b0}\\x{ba}\\x{2da}]"
#define MIN "(?:['\\x{2032}\\x{2019}])"
#define SEC "(?:\"|\\x{2033}|''|\\x{2032}\\x{2032}|\\x{201d})"
#define SIGN "([-\\x{2212}]?)"
/* one angle: sign, degrees, minutes?, seconds?, hemisphere? (5 groups) */
#define ANGLE(deg, hemi)                                                      \
    SIGN "(" deg "(?:\\.[0-9]{1,15})?)" WS "?" DEG                                 \
    "(?:" WS "?([0-9]{1,2}(?:\\.[0-9]{1,15})?)" WS "?" MIN                         \
    "(?:" WS "?([0-9]{1,2}(?:\\.[0-9]{1,15})?)" WS "?" SEC ")?)?"                  \
    "(?:" WS "?(" hemi ")(?![a-zA-Z]))?"

#define PAIR                                                                  \
    "(?<![\\w.])" ANGLE("[0-9]{1,2}", "[NS]")                                 \
    "(?:" WS "{0,8}(?i:latitude|lat\\.?))?" WS "{0,8}(?:[,;/]|" WS "and(?=" WS "))?" WS "{0,8}" \
    ANGLE("[0-9]{1,3}", "[EW]") "(?:" WS "{0,8}(?i:longitude|long\\.?|lon\\.?))?(?![\\w]|[.,][0-9])"

#define PLAIN                                                                 \
    "(*NO_START_OPT)(?<![\\w.,])([-\\x{2212}]?[0-9]{1,2}\\.[0-9]{4,15}),"                    \
    WS "?([-\\x{2212}]?[0-9]{1,3}\\.[0-9]{4,15})(?![\\w.]|,[0-9])"

/* decimal degrees with hemisphere letters but no degree signs: "39.92 N 127.54 E" */
#define LETTERS                                                               \
    "(*NO_START_OPT)(?<![\\w.,])([0-9]{1,2}\\.[0-9]{1,15})" WS "?([NS]),?" WS "?([0-9]{1,3}\\.[0-9]{1,15})" WS "?([EW])" \
    "(?![\\w]|[.,][0-9])"

/* words that make a bare pair of 4-decimal numbers a coordinate */
#define HINT "(?i:coordinat|latitude|longitude|\\bgps\\b|\\bwgs|located|location|position)"

static cck_re *re_pair, *re_plain, *re_hint, *re_letters;

cck_status cck_ext_coords_init(char *err, size_t errlen)
{
    if (!re_pair)
        re_pair = cck_re_compile(PAIR, 0, err, errlen);
    if (!re_plain)
        re_plain = cck_re_compile(PLAIN, 0, err, errlen);
    if (!re_hint)
        re_hint = cck_re_compile(HINT, 0, err, errlen);
    if (!re_letters)
        re_letters = cck_re_compile(LETTERS, 0, err, errlen);
    if (!re_pair || !re_plain || !re_hint || !re_letters) {
        cck_ext_coords_cleanup();
        return CCK_ERR_INPUT;
    }
    return CCK_OK;
}

void cck_ext_coords_cleanup(void)
{
    cck_re_free(re_pair);
    cck_re_free(re_plain);
    cck_re_free(re_hint);
    cck_re_free(re_letters);
    re_pair = re_plain = re_hint = re_letters = NULL;
}

/* The decimal number of group g (plain ASCII digits and one '.'). */
static double group_num(const cck_matcher *m, const char *t, unsigned g, bool *neg)
{
    size_t s = cck_re_group_start(m, g), e = cck_re_group_end(m, g);
    if (s == (size_t)-1)
        return 0;
    if (neg)
        *neg = false;
    char buf[48];
    size_t n = 0;
    for (size_t i = s; i < e; i++) {
        char c = t[i];
        if ((c >= '0' && c <= '9') || c == '.') {
            if (n + 1 < sizeof buf)
                buf[n++] = c;
        } else if (neg) {
            *neg = true; /* '-' or the first byte of U+2212 */
        }
    }
    buf[n] = '\0';
    return strtod(buf, NULL);
}

/* Degrees of the angle whose 5 groups start at g; false when out of range. */
static bool angle(const cck_matcher *m, const char *t, unsigned g, double max, double *out)
{
    bool neg = false;
    group_num(m, t, g, &neg);
    if (cck_re_group_start(m, g) == cck_re_group_end(m, g))
        neg = false;
    double deg = group_num(m, t, g + 1, NULL);
    double min = group_num(m, t, g + 2, NULL);
    double sec = group_num(m, t, g + 3, NULL);
    if (min >= 60 || sec >= 60)
        return false;
    double v = deg + min / 60 + sec / 3600;
    if (v > max)
        return false;
    size_t h = cck_re_group_start(m, g + 4);
    if (h != (size_t)-1 && (t[h] == 'S' || t[h] == 'W')) {
        if (neg)
            return false; /* "-39° S" says it twice */
        neg = true;
    }
    *out = neg ? -v : v;
    return true;
}

static void push(cck_cands *out, size_t s, size_t e, double lat, double lon)
{
    cck_cand c;
    memset(&c, 0, sizeof c);
    c.claim.start = s;
    c.claim.end = e;
    c.claim.kind = CCK_KIND_COORDINATE;
    c.claim.lat = lat;
    c.claim.lon = lon;
    cck_claim_set_unit(&c.claim, "deg");
    c.priority = 40;
    cck_cands_push(out, &c);
}

/* Decimals after the point in group g. */
static size_t decimals(const cck_matcher *m, const char *t, unsigned g)
{
    size_t s = cck_re_group_start(m, g), e = cck_re_group_end(m, g), p = s;
    while (p < e && t[p] != '.')
        p++;
    return p < e ? e - p - 1 : 0;
}

/* A bare pair "40.71280, -74.00600" is a coordinate when both numbers
 * carry 5+ decimals, or 4+ and the unit speaks of a location. */
static bool plain_ok(const cck_scan *sc)
{
    size_t d1 = decimals(sc->m, sc->text, 1), d2 = decimals(sc->m, sc->text, 2);
    if (d1 >= 5 && d2 >= 5)
        return true;
    if (d1 < 4 || d2 < 4)
        return false;
    return cck_ext_match(sc, re_hint, sc->text, sc->end, sc->start, 0) == 1;
}

enum { F_ANGLES, F_PLAIN, F_LETTERS };

static void scan(const cck_scan *sc, const cck_re *re, int form, cck_cands *out)
{
    size_t from = sc->start;
    while (from < sc->end) {
        int r = cck_ext_match(sc, re, sc->text, sc->end, from, 0);
        if (r == 0)
            break;
        if (r < 0) {
            from++;
            while (from < sc->end && ((unsigned char)sc->text[from] & 0xC0) == 0x80)
                from++;
            continue;
        }
        size_t s = cck_re_group_start(sc->m, 0), e = cck_re_group_end(sc->m, 0);
        size_t next = cck_re_next(sc->m, sc->text, sc->end);
        double lat, lon;
        bool ok;
        if (form == F_LETTERS) {
            lat = group_num(sc->m, sc->text, 1, NULL);
            lon = group_num(sc->m, sc->text, 3, NULL);
            ok = lat <= 90 && lon <= 180;
            if (sc->text[cck_re_group_start(sc->m, 2)] == 'S')
                lat = -lat;
            if (sc->text[cck_re_group_start(sc->m, 4)] == 'W')
                lon = -lon;
        } else if (form == F_PLAIN) {
            bool nlat = false, nlon = false;
            lat = group_num(sc->m, sc->text, 1, &nlat);
            lon = group_num(sc->m, sc->text, 2, &nlon);
            ok = lat <= 90 && lon <= 180 && plain_ok(sc);
            lat = nlat ? -lat : lat;
            lon = nlon ? -lon : lon;
        } else {
            ok = angle(sc->m, sc->text, 1, 90, &lat) && angle(sc->m, sc->text, 6, 180, &lon);
        }
        if (ok)
            push(out, s, e, lat, lon);
        from = next; /* plain_ok() may have run another match */
    }
}

/* Whether t[s, e) holds the two bytes lead, x or lead, y. */
static bool has_sign(const unsigned char *t, size_t s, size_t e, unsigned char lead, unsigned char x,
                     unsigned char y)
{
    for (const unsigned char *p = t + s; (p = memchr(p, lead, (size_t)(t + e - p))) != NULL; p++)
        if (p + 1 < t + e && (p[1] == x || p[1] == y))
            return true;
    return false;
}

void cck_ext_coords(const cck_scan *sc, cck_cands *out)
{
    if (!re_pair)
        return;
    /* Cheap necessary conditions, one pass over the unit: an angle pair
     * needs a degree sign (U+00B0, U+00BA, U+02DA), the other two forms a
     * decimal "9.9". Most sentences have neither and skip the patterns. */
    const unsigned char *t = (const unsigned char *)sc->text;
    bool deg = false, dec = false;
    /* the three bytes that can start either: '.', 0xC2 (U+00B0, U+00BA),
     * 0xCB (U+02DA); memchr() runs far faster than a loop over bytes */
    for (const unsigned char *p = t + sc->start, *e = t + sc->end;
         !dec && (p = memchr(p, '.', (size_t)(e - p))) != NULL; p++) {
        size_t i = (size_t)(p - t);
        dec = i > sc->start && i + 1 < sc->end && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' &&
              t[i + 1] <= '9';
    }
    deg = has_sign(t, sc->start, sc->end, 0xC2, 0xB0, 0xBA) || has_sign(t, sc->start, sc->end, 0xCB, 0x9A, 0x9A);
    if (deg)
        scan(sc, re_pair, F_ANGLES, out);
    if (dec) {
        scan(sc, re_plain, F_PLAIN, out);
        scan(sc, re_letters, F_LETTERS, out);
    }
}
