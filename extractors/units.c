/* units.c: the unit table (spellings, dimension, factor to the canonical
 * unit) and the longest-alias matcher the number extractor and the
 * reconcile stage share. */
#include <string.h>

#include "units.h"

#define MI 1609.344
#define FT 0.3048
#define YEAR 31557600.0

static const cck_unit_def units[] = {
    /* length */
    {"km", "km|kms|kilometre|kilometres|kilometer|kilometers", CCK_DIM_LENGTH, "m", 1000, 0, false, true},
    {"m", "m", CCK_DIM_LENGTH, "m", 1, 0, true, true},
    {"m", "metre|metres|meter|meters", CCK_DIM_LENGTH, "m", 1, 0, false, false},
    {"cm", "cm|centimetre|centimetres|centimeter|centimeters", CCK_DIM_LENGTH, "m", 0.01, 0, false, true},
    {"mm", "mm|millimetre|millimetres|millimeter|millimeters", CCK_DIM_LENGTH, "m", 0.001, 0, false, true},
    {"nmi", "nautical mile|nautical miles|nmi", CCK_DIM_LENGTH, "m", 1852, 0, false, false},
    {"mi", "mi|mile|miles", CCK_DIM_LENGTH, "m", MI, 0, false, false},
    {"ft", "ft|foot|feet", CCK_DIM_LENGTH, "m", FT, 0, false, true},
    {"in", "inch|inches", CCK_DIM_LENGTH, "m", 0.0254, 0, false, false},
    {"yd", "yd|yard|yards", CCK_DIM_LENGTH, "m", 0.9144, 0, false, false},
    {"dm", "dm|decimetre|decimetres|decimeter|decimeters", CCK_DIM_LENGTH, "m", 0.1, 0, false, true},
    {"um", "µm|μm|micrometre|micrometres|micrometer|micrometers|micron|microns", CCK_DIM_LENGTH, "m", 1e-6, 0,
     false, true},
    {"nm", "nanometre|nanometres|nanometer|nanometers", CCK_DIM_LENGTH, "m", 1e-9, 0, false, false},
    {"pm", "picometre|picometres|picometer|picometers", CCK_DIM_LENGTH, "m", 1e-12, 0, false, false},
    /* area */
    {"km2", "km²|km2|sq km|sq. km|sq.km|square kilometre|square kilometres|square kilometer|square kilometers|square km",
     CCK_DIM_AREA, "m2", 1e6, 0, false, true},
    {"m2", "m²|m2|sq m|sq. m|sq.m|sq metres|sq meters|sq. metres|sq. meters|square metre|square metres|square meter|square meters",
     CCK_DIM_AREA, "m2", 1, 0, false, true},
    {"mi2", "mi²|sq mi|sq. mi|square mile|square miles", CCK_DIM_AREA, "m2", MI * MI, 0, false, true},
    {"ft2", "ft²|sq ft|sq. ft|square foot|square feet", CCK_DIM_AREA, "m2", FT * FT, 0, false, true},
    {"ha", "ha|hectare|hectares", CCK_DIM_AREA, "m2", 1e4, 0, false, false},
    {"acre", "acre|acres", CCK_DIM_AREA, "m2", 4046.8564224, 0, false, false},
    /* volume */
    {"m3", "m³|m3|cubic metre|cubic metres|cubic meter|cubic meters", CCK_DIM_VOLUME, "m3", 1, 0, false, true},
    {"km3", "km³|km3|cubic kilometre|cubic kilometres|cubic kilometer|cubic kilometers", CCK_DIM_VOLUME, "m3", 1e9,
     0, false, true},
    {"ft3", "ft³|cu ft|cu. ft|cubic foot|cubic feet", CCK_DIM_VOLUME, "m3", FT * FT * FT, 0, false, true},
    {"mL", "ml|millilitre|millilitres|milliliter|milliliters", CCK_DIM_VOLUME, "m3", 1e-6, 0, false, true},
    {"gal", "gallon|gallons|US gallon|US gallons|gal", CCK_DIM_VOLUME, "m3", 0.003785411784, 0, false, false},
    {"impgal", "imperial gallon|imperial gallons", CCK_DIM_VOLUME, "m3", 0.00454609, 0, false, false},
    {"bbl", "barrel|barrels|bbl", CCK_DIM_VOLUME, "m3", 0.158987294928, 0, false, false},
    {"floz", "fluid ounce|fluid ounces|fl oz|fl. oz.", CCK_DIM_VOLUME, "m3", 2.95735295625e-5, 0, false, false},
    {"MT", "measurement ton|measurement tons|measurement tonnes|freight ton|freight tons", CCK_DIM_VOLUME, "m3",
     1.13267386368, 0, false, false},
    {"L", "litre|litres|liter|liters", CCK_DIM_VOLUME, "m3", 0.001, 0, false, false},
    {"cup", "cup|cups", CCK_DIM_VOLUME, "m3", 2.365882365e-4, 0, false, false}, /* mentions only (number.c) */
    {"tbsp", "tablespoon|tablespoons|tbsp", CCK_DIM_VOLUME, "m3", 1.478676478125e-5, 0, false, false},
    {"tsp", "teaspoon|teaspoons|tsp", CCK_DIM_VOLUME, "m3", 4.92892159375e-6, 0, false, false},
    {"pt", "pint|pints", CCK_DIM_VOLUME, "m3", 4.73176473e-4, 0, false, false},
    {"qt", "quart|quarts", CCK_DIM_VOLUME, "m3", 9.46352946e-4, 0, false, false},
    /* mass */
    {"kg", "kg|kgs|kilogram|kilograms|kilogramme|kilogrammes", CCK_DIM_MASS, "kg", 1, 0, false, true},
    {"g", "g|gram|grams|gramme|grammes", CCK_DIM_MASS, "kg", 0.001, 0, true, false},
    {"mg", "mg|milligram|milligrams|milligramme|milligrammes", CCK_DIM_MASS, "kg", 1e-6, 0, false, true},
    {"ug", "µg|μg|mcg|microgram|micrograms|microgramme|microgrammes", CCK_DIM_MASS, "kg", 1e-9, 0, false, true},
    {"t", "t", CCK_DIM_MASS, "kg", 1000, 0, true, true},
    {"t", "tonne|tonnes|ton|tons|metric ton|metric tons|metric tonne|metric tonnes", CCK_DIM_MASS, "kg", 1000, 0,
     false, false},
    {"Mt", "Mt", CCK_DIM_MASS, "kg", 1e9, 0, true, false},
    {"lb", "lb|lbs", CCK_DIM_MASS, "kg", 0.45359237, 0, false, true},
    {"lb", "pound|pounds", CCK_DIM_MASS, "kg", 0.45359237, 0, false, false},
    {"oz", "oz|ounce|ounces", CCK_DIM_MASS, "kg", 0.028349523125, 0, false, false},
    /* temperature */
    {"degC", "°C|° C|ºC|℃|degC|degrees Celsius|degree Celsius|degrees C|degrees centigrade|°Celsius|celsius|centigrade|centigrate|"
     "deg C|deg. C|deg Celsius|celcius|degrees celcius", CCK_DIM_TEMP, "degC", 1, 0, false, true},
    {"degF", "°F|° F|ºF|℉|degF|degrees Fahrenheit|degree Fahrenheit|degrees F|°Fahrenheit|fahrenheit|"
     "deg F|deg. F|deg Fahrenheit|farenheit|degrees farenheit", CCK_DIM_TEMP, "degC", 5.0 / 9.0, -32.0 * 5.0 / 9.0,
     false, true},
    /* speed */
    {"km/h", "km/h|kph|kmh|kmph|km/hr|kilometres per hour|kilometers per hour|kilometres an hour|"
     "kilometers an hour", CCK_DIM_SPEED, "m/s", 1 / 3.6, 0, false, true},
    {"mph", "mph|miles per hour|miles an hour|mi/h", CCK_DIM_SPEED, "m/s", 0.44704, 0, false, true},
    {"m/s", "m/s|metres per second|meters per second", CCK_DIM_SPEED, "m/s", 1, 0, false, true},
    {"kn", "knot|knots|kn", CCK_DIM_SPEED, "m/s", 1852.0 / 3600.0, 0, false, false},
    /* time */
    {"ms", "millisecond|milliseconds|ms", CCK_DIM_TIME, "s", 0.001, 0, false, false},
    {"s", "second|seconds|sec|secs", CCK_DIM_TIME, "s", 1, 0, false, false},
    {"min", "minute|minutes|min|mins", CCK_DIM_TIME, "s", 60, 0, false, false},
    {"h", "hour|hours|hr|hrs|h", CCK_DIM_TIME, "s", 3600, 0, false, false},
    {"d", "day|days", CCK_DIM_TIME, "s", 86400, 0, false, false},
    {"wk", "week|weeks", CCK_DIM_TIME, "s", 604800, 0, false, false},
    {"mo", "month|months", CCK_DIM_TIME, "s", YEAR / 12, 0, false, false},
    {"yr", "year|years|yr|yrs", CCK_DIM_TIME, "s", YEAR, 0, false, false},
    {"decade", "decade|decades", CCK_DIM_TIME, "s", 10 * YEAR, 0, false, false},
    /* power and energy */
    {"W", "W|watt|watts", CCK_DIM_POWER, "W", 1, 0, true, true},
    {"kW", "kW|kilowatt|kilowatts", CCK_DIM_POWER, "W", 1e3, 0, false, true},
    {"MW", "MW|megawatt|megawatts", CCK_DIM_POWER, "W", 1e6, 0, true, true},
    {"GW", "GW|gigawatt|gigawatts", CCK_DIM_POWER, "W", 1e9, 0, true, true},
    {"kWh", "kWh|kilowatt-hour|kilowatt-hours|kilowatt hour|kilowatt hours", CCK_DIM_ENERGY, "J",
     3.6e6, 0, false, true},
    {"MWh", "MWh|megawatt-hour|megawatt-hours|megawatt hour|megawatt hours", CCK_DIM_ENERGY, "J",
     3.6e9, 0, true, true},
    {"GWh", "GWh|gigawatt-hour|gigawatt-hours|gigawatt hour|gigawatt hours", CCK_DIM_ENERGY, "J",
     3.6e12, 0, true, true},
    {"TWh", "TWh|terawatt-hour|terawatt-hours|terawatt hour|terawatt hours", CCK_DIM_ENERGY, "J",
     3.6e15, 0, true, true},
    /* data sizes (decimal multiples); the short forms are cased: "MB", "mb" but not "Mb" */
    {"bit", "bit|bits", CCK_DIM_DATA, "B", 0.125, 0, false, false},
    {"B", "byte|bytes", CCK_DIM_DATA, "B", 1, 0, false, false},
    {"kB", "kilobyte|kilobytes", CCK_DIM_DATA, "B", 1e3, 0, false, false},
    {"kB", "KB|kB|kb", CCK_DIM_DATA, "B", 1e3, 0, true, true},
    {"MB", "megabyte|megabytes", CCK_DIM_DATA, "B", 1e6, 0, false, false},
    {"MB", "MB|mb", CCK_DIM_DATA, "B", 1e6, 0, true, true},
    {"GB", "gigabyte|gigabytes", CCK_DIM_DATA, "B", 1e9, 0, false, false},
    {"GB", "GB|gb", CCK_DIM_DATA, "B", 1e9, 0, true, true},
    {"TB", "terabyte|terabytes", CCK_DIM_DATA, "B", 1e12, 0, false, false},
    {"TB", "TB", CCK_DIM_DATA, "B", 1e12, 0, true, true},
    /* plane angles; a bare "degrees" is a temperature where the clause
     * speaks of one (number.c) */
    {"deg", "degree|degrees|deg|deg.", CCK_DIM_ANGLE, "deg", 1, 0, false, false},
    {"rad", "radian|radians|rad", CCK_DIM_ANGLE, "deg", 57.29577951308232, 0, false, true},
    {"turn", "turn|turns", CCK_DIM_ANGLE, "deg", 360, 0, false, false},
    /* percent */
    {"%", "%|percent|per cent|pct|percentage points|percentage point|points percent", CCK_DIM_PERCENT, "%", 1, 0, false, true},
    /* money written after the figure: ISO codes glued ("115USD"), signs
     * after it ("10 €", "100元"), crypto-currencies */
    {"USD", "USD|US$", CCK_DIM_MONEY, "USD", 1, 0, true, true},
    {"EUR", "EUR|€", CCK_DIM_MONEY, "EUR", 1, 0, true, true},
    {"GBP", "GBP|£", CCK_DIM_MONEY, "GBP", 1, 0, true, true},
    {"JPY", "JPY", CCK_DIM_MONEY, "JPY", 1, 0, true, true},
    {"CNY", "CNY|RMB|元", CCK_DIM_MONEY, "CNY", 1, 0, true, true},
    {"USD", "$", CCK_DIM_MONEY, "USD", 1, 0, true, true},
    {"INR", "₹", CCK_DIM_MONEY, "INR", 1, 0, true, true},
    {"RUB", "₽", CCK_DIM_MONEY, "RUB", 1, 0, true, true},
    {"TRY", "₺|Turkish lira|Turkish liras|TRY", CCK_DIM_MONEY, "TRY", 1, 0, false, true},
    {"CRC", "₡|Costa Rican colón|Costa Rican colones|CRC", CCK_DIM_MONEY, "CRC", 1, 0, false, true},
    {"GEL", "₾|Georgian lari|GEL", CCK_DIM_MONEY, "GEL", 1, 0, false, true},
    {"LAK", "₭|Lao kip|LAK", CCK_DIM_MONEY, "LAK", 1, 0, false, true},
    {"LKR", "ரூ|Sri Lankan rupees|Sri Lankan rupee|LKR", CCK_DIM_MONEY, "LKR", 1, 0, false, true},
    {"VND", "₫|Vietnamese dong|VND", CCK_DIM_MONEY, "VND", 1, 0, false, true},
    {"PHP", "₱|Philippine pesos|Philippine peso", CCK_DIM_MONEY, "PHP", 1, 0, false, true},
    {"NGN", "₦|Nigerian naira|NGN", CCK_DIM_MONEY, "NGN", 1, 0, false, true},
    {"UAH", "₴|Ukrainian hryvnia|UAH", CCK_DIM_MONEY, "UAH", 1, 0, false, true},
    {"ILS", "₪|Israeli shekels|Israeli shekel|shekels|ILS", CCK_DIM_MONEY, "ILS", 1, 0, false, true},
    {"THB", "฿|Thai baht|baht|THB", CCK_DIM_MONEY, "THB", 1, 0, false, true},
    {"BTC", "bitcoin|bitcoins|BTC|₿", CCK_DIM_MONEY, "BTC", 1, 0, false, true},
    {"BTC", "satoshi|satoshis", CCK_DIM_MONEY, "BTC", 1e-8, 0, false, false},
    /* money written after the figure */
    {"KPW", "North Korean won|won|KPW", CCK_DIM_MONEY, "KPW", 1, 0, false, false},
    {"KRW", "South Korean won|KRW", CCK_DIM_MONEY, "KRW", 1, 0, false, false},
    {"USD", "US dollars|U.S. dollars|US dollar|U.S. dollar|United States dollars|American dollars|dollars|dollar|USD",
     CCK_DIM_MONEY, "USD", 1, 0, false, false},
    {"USD", "cents|cent", CCK_DIM_MONEY, "USD", 0.01, 0, false, false},
    {"AUD", "Australian dollars|Australian dollar|AUD", CCK_DIM_MONEY, "AUD", 1, 0, false, false},
    {"CAD", "Canadian dollars|Canadian dollar|CAD", CCK_DIM_MONEY, "CAD", 1, 0, false, false},
    {"HKD", "Hong Kong dollars|Hong Kong dollar|HKD", CCK_DIM_MONEY, "HKD", 1, 0, false, false},
    {"NZD", "New Zealand dollars|New Zealand dollar|NZD", CCK_DIM_MONEY, "NZD", 1, 0, false, false},
    {"SGD", "Singapore dollars|Singapore dollar|SGD", CCK_DIM_MONEY, "SGD", 1, 0, false, false},
    {"CHF", "Swiss francs|Swiss franc|CHF", CCK_DIM_MONEY, "CHF", 1, 0, false, false},
    {"FRF", "French francs|French franc|francs|franc", CCK_DIM_MONEY, "FRF", 1, 0, false, false},
    {"BEF", "Belgian francs|Belgian franc", CCK_DIM_MONEY, "BEF", 1, 0, false, false},
    {"DEM", "Deutsche marks|Deutsche mark|deutschmarks|deutschmark|D-marks", CCK_DIM_MONEY, "DEM", 1, 0, false,
     false},
    {"NLG", "Dutch guilders|guilders|guilder", CCK_DIM_MONEY, "NLG", 1, 0, false, false},
    {"ESP", "Spanish pesetas|pesetas|peseta", CCK_DIM_MONEY, "ESP", 1, 0, false, false},
    {"FIM", "Finnish markka|Finnish markkaa|markkaa|markka", CCK_DIM_MONEY, "FIM", 1, 0, false, false},
    {"ITL", "Italian lire|lire", CCK_DIM_MONEY, "ITL", 1, 0, false, false},
    {"INR", "Indian rupees|rupees|rupee|INR", CCK_DIM_MONEY, "INR", 1, 0, false, false},
    {"RUB", "Russian rubles|rubles|roubles|ruble|rouble|RUB", CCK_DIM_MONEY, "RUB", 1, 0, false, false},
    {"EUR", "euros|euro|EUR", CCK_DIM_MONEY, "EUR", 1, 0, false, false},
    {"GBP", "pounds sterling|British pounds|GBP", CCK_DIM_MONEY, "GBP", 1, 0, false, false},
    {"GBP", "pence|penny", CCK_DIM_MONEY, "GBP", 0.01, 0, false, false},
    {"JPY", "yen|Japanese yen|JPY", CCK_DIM_MONEY, "JPY", 1, 0, false, false},
    {"CNY", "yuan|Chinese yuan|renminbi|CNY|RMB", CCK_DIM_MONEY, "CNY", 1, 0, false, false},
};

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* Length of s that alias a[0, an) matches at the start of s, or 0. A space
 * in the alias matches one or more blanks (or a no-break space). */
static size_t match_alias(const char *a, size_t an, const char *s, size_t n, bool cased)
{
    size_t i = 0, j = 0;
    while (i < an) {
        if (a[i] == ' ') {
            size_t k = j;
            while (k < n) {
                if (blank((unsigned char)s[k]))
                    k++;
                else if (k + 1 < n && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0)
                    k += 2;
                else
                    break;
            }
            if (k == j)
                return 0;
            j = k;
            i++;
            continue;
        }
        if (j >= n)
            return 0;
        int x = (unsigned char)a[i], y = (unsigned char)s[j];
        if (cased ? x != y : lower(x) != lower(y))
            return 0;
        i++;
        j++;
    }
    return j;
}

const cck_unit_def *cck_unit_lookup(const char *s, size_t n)
{
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        const char *a = units[u].aliases;
        while (*a) {
            size_t an = strcspn(a, "|");
            if (match_alias(a, an, s, n, units[u].cased) == n)
                return &units[u];
            a += an + (a[an] == '|');
        }
    }
    return NULL;
}

/* Speeds written as a length per time: one entry per pair, so that the
 * result is static like every other unit. */
#define PER(l, lf, t, tf) {l "/" t, "", CCK_DIM_SPEED, "m/s", (lf) / (tf), 0, false, true}
#define PER_TIMES(l, lf) PER(l, lf, "s", 1), PER(l, lf, "ms", 0.001), PER(l, lf, "min", 60), PER(l, lf, "h", 3600)
static const cck_unit_def speeds[] = {
    PER_TIMES("km", 1000), PER_TIMES("m", 1),     PER_TIMES("cm", 0.01),  PER_TIMES("mm", 0.001),
    PER_TIMES("mi", MI),   PER_TIMES("ft", FT),   PER_TIMES("in", 0.0254), PER_TIMES("yd", 0.9144),
    PER_TIMES("nmi", 1852), PER_TIMES("dm", 0.1),
};

static size_t match_plain(const char *s, size_t n, const cck_unit_def **out);

/* After a length ending at s[m]: " per second", "/ms". Returns the new
 * length of the match and sets *out to the speed, or returns m. */
static size_t per_time(const char *s, size_t n, size_t m, const cck_unit_def **out)
{
    size_t j = m;
    if (j < n && s[j] == '/') {
        j++;
    } else {
        while (j < n && blank((unsigned char)s[j]))
            j++;
        if (j == m || j + 4 > n || lower(s[j]) != 'p' || lower(s[j + 1]) != 'e' || lower(s[j + 2]) != 'r' ||
            !blank((unsigned char)s[j + 3]))
            return m;
        j += 3;
        while (j < n && blank((unsigned char)s[j]))
            j++;
    }
    const cck_unit_def *t = NULL;
    size_t k = match_plain(s + j, n - j, &t);
    if (!k || t->dim != CCK_DIM_TIME || t->factor > 3600)
        return m;
    size_t ln = strlen((*out)->name);
    for (size_t i = 0; i < sizeof speeds / sizeof *speeds; i++)
        if (!strncmp(speeds[i].name, (*out)->name, ln) && speeds[i].name[ln] == '/' &&
            !strcmp(speeds[i].name + ln + 1, t->name)) {
            *out = &speeds[i];
            return j + k;
        }
    return m;
}

size_t cck_unit_match(const char *s, size_t n, const cck_unit_def **out)
{
    size_t m = match_plain(s, n, out);
    if (m && (*out)->dim == CCK_DIM_LENGTH)
        m = per_time(s, n, m, out);
    return m;
}

/* Every alias, bucketed by its (lower-cased) first byte in table order,
 * so a match looks only at the aliases that can start s. Built once by
 * cck_units_init(); until then match_plain() walks the whole table. */
enum { MAX_ALIASES = 1024 };
static struct {
    unsigned short unit, off;
    unsigned char len;
    unsigned char b1;  /* the second byte (lower-cased unless cased), 0 when the
                          alias is one byte or goes on with a space */
    bool cased;
} alias_tab[MAX_ALIASES];
static unsigned short bucket[257];
static bool indexed;

void cck_units_init(void)
{
    if (indexed)
        return;
    unsigned short count[256] = {0};
    size_t total = 0;
    for (int pass = 0; pass < 2; pass++) {
        unsigned short fill[256];
        if (pass == 1) {
            bucket[0] = 0;
            for (int b = 0; b < 256; b++)
                bucket[b + 1] = (unsigned short)(bucket[b] + count[b]);
            memcpy(fill, bucket, sizeof fill);
        }
        for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
            const char *a = units[u].aliases;
            while (*a) {
                size_t an = strcspn(a, "|");
                int b = lower((unsigned char)a[0]);
                if (pass == 0) {
                    count[b]++;
                    total++;
                } else {
                    alias_tab[fill[b]].unit = (unsigned short)u;
                    alias_tab[fill[b]].off = (unsigned short)(a - units[u].aliases);
                    alias_tab[fill[b]].len = (unsigned char)an;
                    alias_tab[fill[b]].cased = units[u].cased;
                    alias_tab[fill[b]].b1 = an >= 2 && a[1] != ' '
                                                ? (unsigned char)(units[u].cased ? (unsigned char)a[1] : lower((unsigned char)a[1]))
                                                : 0;
                    fill[b]++;
                }
                a += an + (a[an] == '|');
            }
        }
        if (pass == 0 && total > MAX_ALIASES)
            return; /* the table outgrew the index: keep the full walk */
    }
    indexed = true;
}

/* Keeps alias a[0, an) of unit u when it matches longer than *best. */
static void try_alias(size_t u, const char *a, size_t an, const char *s, size_t n, size_t *best,
                      const cck_unit_def **out)
{
    size_t m = match_alias(a, an, s, n, units[u].cased);
    /* an alias ending in a letter or digit must end a word */
    if (m > *best && (m == n || !word_byte((unsigned char)s[m - 1]) || !word_byte((unsigned char)s[m]))) {
        *best = m;
        *out = &units[u];
    }
}

static size_t match_plain(const char *s, size_t n, const cck_unit_def **out)
{
    size_t best = 0;
    if (n == 0)
        return 0;
    int s0 = (unsigned char)s[0];
    if (indexed) {
        int b = lower(s0);
        int y = n >= 2 ? (unsigned char)s[1] : -1, ly = n >= 2 ? lower(y) : -1;
        for (unsigned k = bucket[b]; k < bucket[b + 1]; k++) {
            /* the second byte decides most of the bucket, as in match_alias() */
            if (alias_tab[k].b1 && alias_tab[k].b1 != (alias_tab[k].cased ? y : ly))
                continue;
            size_t u = alias_tab[k].unit;
            const char *a = units[u].aliases + alias_tab[k].off;
            if (alias_tab[k].cased && (unsigned char)a[0] != s0)
                continue;
            try_alias(u, a, alias_tab[k].len, s, n, &best, out);
        }
        return best;
    }
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        const char *a = units[u].aliases;
        while (*a) {
            /* most aliases differ in the first byte: skip them unmeasured */
            int a0 = (unsigned char)a[0];
            if (units[u].cased ? a0 != s0 : lower(a0) != lower(s0)) {
                a = strchr(a, '|');
                if (!a)
                    break;
                a++;
                continue;
            }
            size_t an = strcspn(a, "|");
            try_alias(u, a, an, s, n, &best, out);
            a += an + (a[an] == '|');
        }
    }
    return best;
}

const char *cck_unit_per_year(const char *canon)
{
    if (!strcmp(canon, "kg"))
        return "kg/yr";
    if (!strcmp(canon, "m"))
        return "m/yr";
    if (!strcmp(canon, "m3"))
        return "m3/yr";
    if (!strcmp(canon, "m2"))
        return "m2/yr";
    return NULL;
}

double cck_unit_to_canon(const cck_unit_def *u, double v)
{
    return v * u->factor + u->offset;
}
