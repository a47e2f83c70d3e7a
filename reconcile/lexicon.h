/* lexicon.h: the keyword tables of the subject stage (general English:
 * months, function words, facility heads, spelling variants, attribute
 * keywords) and the ASCII display form of names. */
#ifndef CCK_LEXICON_H
#define CCK_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#include "claimcheck.h"

/* Strips diacritics (NFKC + strip marks) keeping case and spacing:
 * "Hamhŭng" -> "Hamhung". Result in arena a. */
char *cck_rec_ascii(cck_arena *a, const char *s, size_t n);

/* Month number 1..12 of a lowercase word ("jan", "january"), else 0. */
int cck_lex_month(const char *w);
/* Three-letter month names, index 1..12. */
extern const char *const cck_lex_mon[13];
/* Capitalised function words that never start a name ("The", "In"). */
bool cck_lex_stopword(const char *w);
/* Heads that make a name a facility or institution ("complex", "camp"). */
bool cck_lex_facility_head(const char *w);
/* Generic heads dropped from alias keys: plant = complex = factory. */
bool cck_lex_generic_head(const char *w);
/* American spelling of a British variant ("fertiliser"), else NULL. */
const char *cck_lex_variant(const char *w);
/* Nouns naming an event that can take a proper modifier ("famine"). */
bool cck_lex_event_noun(const char *w);
/* Lowercase heads that refer back to the facility last named ("the camp"). */
bool cck_lex_anaphor(const char *w);
/* Prepositions that put the name after them in a phrase ("after the war"). */
bool cck_lex_preposition(const char *w);

/* Attribute keywords: a lowercase word (prefix when it ends in '*'). */
typedef struct {
    const char *word;
    const char *attr;
    unsigned kinds;     /* bit per cck_kind the keyword applies to */
} cck_lex_keyword;
extern const cck_lex_keyword cck_lex_keywords[];
extern const size_t cck_lex_nkeywords;
/* Every keyword in force: the user's [lexicon] entries (settings.c) first,
 * then the built-in table. i < cck_lex_count(). */
size_t cck_lex_count(void);
const cck_lex_keyword *cck_lex_get(size_t i);
/* True when w matches the keyword pattern p ("built", "inhabit*"). */
bool cck_lex_match(const char *p, const char *w);

/* The keywords in force by first byte, for a stage that tries every
 * keyword on many words: cck_lex_candidates() lists, in keyword order, the
 * indices of the keywords that may match a word starting with its first
 * byte (the same first byte, or a pattern starting with '*'), ending with
 * CCK_LEX_END; those not listed cannot match. Valid while the keywords in
 * force do not change. */
#define CCK_LEX_END ((size_t)-1)
typedef struct cck_lex_index cck_lex_index;
cck_lex_index *cck_lex_index_new(void);
void cck_lex_index_free(cck_lex_index *ix);      /* NULL is a no-op */
const size_t *cck_lex_candidates(const cck_lex_index *ix, const char *w);

#endif
