/* table.c: pipe tables ("| a | b |" rows around a "|---|---|" line),
 * including the damaged forms found in pasted pages: a title row before the
 * separator, a header glued to the end of a prose line, and rows whose cells
 * after the first stand one per line ("5.2 (41.4) |"). Every data cell but a
 * row's first becomes a TABLE unit with its row and column headers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "segment_int.h"

typedef struct {
    size_t a, b;   /* trimmed cell text */
} cell;

typedef struct {
    cell *v;
    size_t n, cap;
} cells;

static bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

static void cells_push(cells *cs, const char *b, size_t a, size_t e)
{
    while (a < e && blank(b[a]))
        a++;
    while (e > a && blank(b[e - 1]))
        e--;
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? 2 * cs->cap : 16;
        cs->v = cck_xreallocarray(cs->v, cs->cap, sizeof *cs->v);
    }
    cs->v[cs->n].a = a;
    cs->v[cs->n].b = e;
    cs->n++;
}

/* Splits [a, e) at '|' into cells; a leading '|' opens the first cell and
 * an empty piece after the last '|' is no cell. */
static void split_row(const char *b, size_t a, size_t e, cells *out)
{
    if (a < e && b[a] == '|')
        a++;
    size_t from = a;
    for (size_t i = a; i < e; i++) {
        if (b[i] == '|') {
            cells_push(out, b, from, i);
            from = i + 1;
        }
    }
    size_t t = from;
    while (t < e && blank(b[t]))
        t++;
    if (t < e)
        cells_push(out, b, from, e);
}

static bool is_sep(const char *b, size_t a, size_t e)
{
    size_t dashes = 0, pipes = 0;
    for (size_t i = a; i < e; i++) {
        if (b[i] == '-')
            dashes++;
        else if (b[i] == '|')
            pipes++;
        else if (b[i] != ':' && !blank(b[i]))
            return false;
    }
    return dashes >= 3 && pipes >= 1;
}

static bool line_blank(const seg_line *l) { return l->cs >= l->ce; }

static bool starts_pipe(const char *b, const seg_line *l)
{
    return l->cs < l->ce && b[l->cs] == '|';
}

static bool ends_pipe(const char *b, const seg_line *l)
{
    return l->cs < l->ce && b[l->ce - 1] == '|';
}

/* A title row: only its first cell holds text. */
/* Appends a table found over lines [t->first, t->end) and marks its lines. */
static void add_table(seg_ctx *c, const seg_table *t)
{
    /* room doubles (8, 16, 32 ...): a page of 130,000 tables grew by 8 at
     * a time, and an allocator that copies on every realloc (ASan's,
     * valgrind's) took minutes over it */
    size_t n = c->ntables;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
        c->tables = cck_xreallocarray(c->tables, n ? 2 * n : 8, sizeof *c->tables);
    for (size_t k = t->first; k < t->end; k++)
        c->lines[k].table = (int)c->ntables;
    c->tables[c->ntables++] = *t;
}

static bool only_first(const char *b, size_t a, size_t e)
{
    cells cs = {0};
    split_row(b, a, e, &cs);
    bool r = cs.n >= 1 && cs.v[0].b > cs.v[0].a;
    for (size_t i = 1; r && i < cs.n; i++)
        if (cs.v[i].b > cs.v[i].a)
            r = false;
    free(cs.v);
    return r;
}

void cck_src_tables_find(seg_ctx *c)
{
    const char *b = c->s->bytes;
    for (size_t i = 1; i < c->nlines; i++) {
        seg_line *l = &c->lines[i];
        if (l->table >= 0 || !is_sep(b, l->cs, l->ce))
            continue;
        seg_table t = {0};
        t.sep = i;
        t.first = i;
        seg_line *p = &c->lines[i - 1];
        if (!starts_pipe(b, l)) {
            /* "a | b" over "---|---": rows are the lines holding a '|' */
            if (p->table >= 0 || line_blank(p) || !memchr(b + p->cs, '|', p->ce - p->cs))
                continue;
            t.first = i - 1;
            t.pipeless = true;
            size_t j = i + 1;
            while (j < c->nlines && !line_blank(&c->lines[j]) && c->lines[j].table < 0 &&
                   memchr(b + c->lines[j].cs, '|', c->lines[j].ce - c->lines[j].cs))
                j++;
            t.end = j;
            add_table(c, &t);
            i = j - 1;
            continue;
        }
        if (p->table < 0 && !line_blank(p)) {
            if (starts_pipe(b, p)) {
                t.first = i - 1;
                t.caption_row = only_first(b, p->cs, p->ce);
            } else if (ends_pipe(b, p)) {
                /* a header glued to prose: the first '|' that opens a run
                 * of at least two cells reaching the end of the line */
                for (size_t g = p->cs; g < p->ce; g++) {
                    if (b[g] != '|')
                        continue;
                    cells cs = {0};
                    split_row(b, g, p->ce, &cs);
                    size_t n = cs.n;
                    free(cs.v);
                    if (n >= 2) {
                        t.first = i - 1;
                        t.glue = g;
                        break;
                    }
                }
            }
        }
        size_t j = i + 1;
        bool in_row = false;
        for (; j < c->nlines; j++) {
            seg_line *r = &c->lines[j];
            if (line_blank(r) || r->table >= 0)
                break;
            if (starts_pipe(b, r))
                in_row = true;
            else if (!(in_row && ends_pipe(b, r)))
                break;
        }
        t.end = j;
        add_table(c, &t);
        i = j - 1;
    }
    /* rows without a separator line: two or more "| a | b |" lines */
    for (size_t i = 0; i + 1 < c->nlines; i++) {
        const seg_line *l = &c->lines[i], *nx = &c->lines[i + 1];
        if (l->table >= 0 || nx->table >= 0 || !starts_pipe(b, l) || !ends_pipe(b, l) ||
            !starts_pipe(b, nx) || !ends_pipe(b, nx) || l->ce - l->cs < 5)
            continue;
        seg_table t = {0};
        t.first = i;
        t.sep = SIZE_MAX;
        size_t j = i + 1;
        while (j < c->nlines && !line_blank(&c->lines[j]) && c->lines[j].table < 0 &&
               (starts_pipe(b, &c->lines[j]) || ends_pipe(b, &c->lines[j])))
            j++;
        t.end = j;
        add_table(c, &t);
        i = j - 1;
    }
    /* the walk meets tables in file order */
    for (size_t i = 1; i < c->ntables; i++) {
        seg_table x = c->tables[i];
        size_t k = i;
        for (; k > 0 && c->tables[k - 1].first > x.first; k--)
            c->tables[k] = c->tables[k - 1];
        c->tables[k] = x;
    }
    for (size_t i = 0; i < c->ntables; i++)
        for (size_t k = c->tables[i].first; k < c->tables[i].end; k++)
            c->lines[k].table = (int)i;
}

/* One past the last line of the row starting at line j: cells after the
 * first may stand one per line ("5.2 (41.4) |"). */
static size_t row_end(const seg_ctx *c, const seg_table *t, size_t j)
{
    size_t k = j + 1;
    while (!t->pipeless && k < t->end && !starts_pipe(c->s->bytes, &c->lines[k]))
        k++;
    return k;
}

static bool has_digit(const char *b, const cell *x)
{
    for (size_t i = x->a; i < x->b; i++)
        if (b[i] >= '0' && b[i] <= '9')
            return true;
    return false;
}

static char *dup_cell(seg_ctx *c, const cell *x)
{
    return cck_arena_strndup(c->s->arena, c->s->bytes + x->a, x->b - x->a);
}

static bool starts_with_source(const char *p, size_t n)
{
    return n >= 6 && (!strncmp(p, "Source", 6) || !strncmp(p, "source", 6) ||
                      !strncmp(p, "SOURCE", 6));
}

void cck_src_table_emit(seg_ctx *c, size_t ti)
{
    const seg_table *t = &c->tables[ti];
    const char *b = c->s->bytes;
    const char *caption = NULL;
    cells head = {0};
    size_t data = t->sep == SIZE_MAX ? t->first : t->sep + 1;
    if (t->sep == SIZE_MAX) {
        /* no separator: the header, if any, is found below */
    } else if (t->caption_row) {
        cells cap = {0};
        const seg_line *l = &c->lines[t->sep - 1];
        split_row(b, l->cs, l->ce, &cap);
        if (cap.n)
            caption = dup_cell(c, &cap.v[0]);
        free(cap.v);
        /* the header then follows the separator, unless that row holds
         * figures after its first cell ("| Population | 768,551 |"): then
         * the rows are data, headed by their first cells alone */
        if (data < t->end && starts_pipe(b, &c->lines[data])) {
            size_t k = row_end(c, t, data);
            for (size_t m = data; m < k; m++)
                split_row(b, c->lines[m].cs, c->lines[m].ce, &head);
            bool figures = false;
            for (size_t m = 1; m < head.n; m++)
                figures = figures || has_digit(b, &head.v[m]);
            if (figures && head.n == 2)
                head.n = 0;
            else
                data = k;
        }
    } else if (t->glue) {
        split_row(b, t->glue, c->lines[t->first].ce, &head);
    } else if (t->first < t->sep) {
        split_row(b, c->lines[t->first].cs, c->lines[t->first].ce, &head);
    }
    if (!head.n && data < t->end) {
        /* no header row: a first row of words ("| Month | Jan | Feb |")
         * over rows of figures is one */
        size_t k = row_end(c, t, data);
        cells first = {0};
        for (size_t m = data; m < k; m++)
            split_row(b, c->lines[m].cs, c->lines[m].ce, &first);
        bool words = first.n >= 2 && first.v[0].b > first.v[0].a && k < t->end;
        for (size_t m = 1; words && m < first.n; m++)
            if (has_digit(b, &first.v[m]))
                words = false;
        if (words) {
            head = first;
            data = k;
        } else {
            free(first.v);
        }
    }
    char **hdr = cck_xcalloc(head.n ? head.n : 1, sizeof *hdr);
    for (size_t k = 0; k < head.n; k++)
        hdr[k] = head.v[k].b > head.v[k].a ? dup_cell(c, &head.v[k]) : NULL;

    size_t u0 = c->nunits;
    /* per unit: the cite range of its row [rlo, rhi) */
    size_t *rlo = NULL, *rhi = NULL, rcap = 0;
    size_t src_lo = 0, src_hi = 0; /* cites of a "Source:" row */
    bool noted = false;            /* one note per table is enough */
    for (size_t j = data; j < t->end;) {
        size_t k = row_end(c, t, j);
        cells row = {0};
        for (size_t m = j; m < k; m++)
            split_row(b, c->lines[m].cs, c->lines[m].ce, &row);
        size_t ra = c->lines[j].start, rb = c->lines[k - 1].end;
        size_t clo = cck_src_cite_lower(c, ra), chi = clo;
        while (chi < c->ncites && c->cites[chi].end <= rb)
            chi++;
        if (row.n && only_first(b, c->lines[j].cs, c->lines[j].ce) && k == j + 1) {
            if (starts_with_source(b + row.v[0].a, row.v[0].b - row.v[0].a)) {
                src_lo = clo;
                src_hi = chi;
            }
        } else if (row.n) {
            if (head.n && row.n > head.n && !noted && c->d) {
                unsigned line, col;
                cck_source_linecol(c->s, c->lines[j].cs, &line, &col);
                cck_diag_add(c->d, c->s->path, line, col, CCK_SEV_NOTE,
                             "table row has %zu cells but its header %zu; "
                             "the extra cells have no column name", row.n, head.n);
                noted = true;
            }
            const char *rh = row.v[0].b > row.v[0].a ? dup_cell(c, &row.v[0]) : NULL;
            for (size_t m = 1; m < row.n; m++) {
                cck_unit *u = cck_src_unit_add(c, row.v[m].a, row.v[m].b, CCK_ZONE_TABLE);
                if (!u)
                    continue;
                if (c->ncells == c->cellcap) {
                    c->cellcap = c->cellcap ? 2 * c->cellcap : 32;
                    c->cells = cck_xreallocarray(c->cells, c->cellcap, sizeof *c->cells);
                }
                c->cells[c->ncells++] = (cck_table_cell){caption, rh, m < head.n ? hdr[m] : NULL,
                                                         (int)ti, (cck_off)(c->nunits - 1)};
                size_t ui = c->nunits - 1 - u0;
                if (ui >= rcap) {
                    rcap = rcap ? 2 * rcap : 32;
                    rlo = cck_xreallocarray(rlo, rcap, sizeof *rlo);
                    rhi = cck_xreallocarray(rhi, rcap, sizeof *rhi);
                }
                rlo[ui] = clo;
                rhi[ui] = chi;
            }
        }
        free(row.v);
        j = k;
    }
    /* a cell is backed by the markers of its row and of the table's source
     * line; both ranges are sorted and the source row comes after rows */
    for (size_t i = u0; i < c->nunits; i++) {
        cck_unit *u = &c->units[i];
        size_t lo = rlo[i - u0], hi = rhi[i - u0];
        u->cites = (cck_off)c->nucites;
        for (size_t q = lo; q < hi; q++)
            cck_src_unit_cite(c, q);
        for (size_t q = src_lo; q < src_hi; q++)
            if (q < lo || q >= hi)
                cck_src_unit_cite(c, q);
    }
    free(rlo);
    free(rhi);
    free(hdr);
    free(head.v);
}
