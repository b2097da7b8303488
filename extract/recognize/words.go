package recognize

// Word tables. They are read-only after initialisation.

// cardinalWords are the written-out numbers below one hundred.
var cardinalWords = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "nil": 0,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply what precedes them. "hundred" is handled apart
// because it scales only the group below one thousand.
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
}

// shortScales are abbreviations written after a figure, glued ("10k",
// "2bn") or spaced ("2.33 k", "10 bln"). Case matters for a few: "M" and
// "G" are mega and giga, "m" after a figure is million in news copy.
var shortScales = map[string]float64{
	"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mm": 1e6, "MM": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
	"b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "G": 1e9, "g": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12, "T": 1e12,
}

// ordinalWords value the ordinals that can name a fraction's denominator
// or a day of the month.
var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
	"seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}

// ordinalOf values an ordinal word, singular or plural ("fifths"), and
// the halves and quarters that stand for 2 and 4 in fractions.
func ordinalOf(w string) (v float64, plural, ok bool) {
	switch w {
	case "half":
		return 2, false, true
	case "halves":
		return 2, true, true
	case "quarter":
		return 4, false, true
	case "quarters":
		return 4, true, true
	}
	if v, ok := ordinalWords[w]; ok {
		return v, false, true
	}
	if len(w) > 2 && w[len(w)-1] == 's' {
		if v, ok := ordinalWords[w[:len(w)-1]]; ok {
			return v, true, true
		}
	}
	return 0, false, false
}

// months maps month names and abbreviations to month numbers. "may" and
// "march" are also ordinary words; the date scanner asks for a day or year
// next to them.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// weekdays maps weekday names and abbreviations to time.Weekday values.
var weekdays = map[string]int{
	"sunday": 0, "sun": 0, "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2,
	"wednesday": 3, "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
	"friday": 5, "fri": 5, "saturday": 6, "sat": 6,
	// "Monday's fire" dates the fire as "the fire on Monday" does.
	"sunday's": 0, "monday's": 1, "tuesday's": 2, "wednesday's": 3, "thursday's": 4, "friday's": 5, "saturday's": 6,
	"sunday’s": 0, "monday’s": 1, "tuesday’s": 2, "wednesday’s": 3, "thursday’s": 4, "friday’s": 5, "saturday’s": 6,
}

// currencyPrefix maps symbols and codes written before a figure to ISO
// 4217 codes.
var currencyPrefix = map[string]string{
	"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
	"¥": "JPY", "jpy": "JPY", "₹": "INR", "inr": "INR", "rs": "INR", "₽": "RUB", "rub": "RUB",
	"₩": "KRW", "krw": "KRW", "₺": "TRY", "₦": "NGN", "₪": "ILS", "₾": "GEL",
	"c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD", "hk$": "HKD", "hkd": "HKD", "nz$": "NZD", "nzd": "NZD",
	"s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL", "cny": "CNY", "rmb": "CNY", "chf": "CHF",
	"irr": "IRR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "mxn": "MXN", "zar": "ZAR", "sar": "SAR", "aed": "AED",
}

// currencyLetterCode are the letters before "$" that name a dollar
// ("US$", "C$", "HK$").
var currencyLetterCode = map[string]string{
	"us": "USD", "u.s.": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "hk": "HKD", "nz": "NZD",
	"s": "SGD", "r": "BRL", "mxn": "MXN", "nzd": "NZD", "nt": "TWD",
}

// currencySuffix maps currency names written after a figure to ISO codes.
// Qualified names come first in currencyQualified.
var currencySuffix = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
	"gbp": "GBP", "sterling": "GBP", "rial": "IRR", "rials": "IRR", "riyal": "SAR", "riyals": "SAR",
	"yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "yen": "JPY", "jpy": "JPY",
	"rupee": "INR", "rupees": "INR", "inr": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
	"peso": "MXN", "pesos": "MXN", "lira": "TRY", "liras": "TRY", "lire": "TRY", "franc": "CHF", "francs": "CHF",
	"rand": "ZAR", "naira": "NGN", "shilling": "KES", "shillings": "KES", "dirham": "AED", "dirhams": "AED",
	"ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN", "zlotys": "PLN", "hryvnia": "UAH", "hryvnias": "UAH",
	"lari": "GEL", "bitcoin": "BTC", "bitcoins": "BTC", "guilder": "NLG", "guilders": "NLG",
	"krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "won": "KRW", "shekel": "ILS", "shekels": "ILS",
	"dinar": "", "dinars": "", "chf": "CHF", "cad": "CAD", "aud": "AUD",
}

// currencyQualified are two-word names that override a bare suffix
// ("australian dollars" is AUD, not USD).
var currencyQualified = map[string]string{
	"us dollar": "USD", "us dollars": "USD", "american dollars": "USD", "canadian dollar": "CAD", "canadian dollars": "CAD",
	"australian dollar": "AUD", "australian dollars": "AUD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
	"zealand dollars": "NZD", "kong dollars": "HKD", "british pounds": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
	"iranian rials": "IRR", "iranian rial": "IRR", "saudi riyals": "SAR", "turkish lira": "TRY", "swiss francs": "CHF",
	"dutch guilders": "NLG", "mexican pesos": "MXN", "philippine pesos": "PHP", "chinese yuan": "CNY", "indian rupees": "INR",
	"egyptian pounds": "EGP", "japanese yen": "JPY", "south african rand": "ZAR", "iraqi dinars": "IQD", "kuwaiti dinars": "KWD",
}
