#include "CurrencyCatalog.h"

#include <algorithm>
#include <iterator>

namespace {

struct RawCurrency
{
    const char16_t *code;
    int decimals;
    const char *name;
};

// ISO 4217 list one (currencies in circulation), with the standard's minor units.
constexpr RawCurrency kCurrencies[] = {
    {u"AED", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "UAE Dirham")},
    {u"AFN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Afghani")},
    {u"ALL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Lek")},
    {u"AMD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Armenian Dram")},
    {u"ANG", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Netherlands Antillean Guilder")},
    {u"AOA", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Kwanza")},
    {u"ARS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Argentine Peso")},
    {u"AUD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Australian Dollar")},
    {u"AWG", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Aruban Florin")},
    {u"AZN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Azerbaijan Manat")},
    {u"BAM", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Convertible Mark")},
    {u"BBD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Barbados Dollar")},
    {u"BDT", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Taka")},
    {u"BGN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Bulgarian Lev")},
    {u"BHD", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Bahraini Dinar")},
    {u"BIF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Burundi Franc")},
    {u"BMD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Bermudian Dollar")},
    {u"BND", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Brunei Dollar")},
    {u"BOB", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Boliviano")},
    {u"BRL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Brazilian Real")},
    {u"BSD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Bahamian Dollar")},
    {u"BTN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Ngultrum")},
    {u"BWP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Pula")},
    {u"BYN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Belarusian Ruble")},
    {u"BZD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Belize Dollar")},
    {u"CAD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Canadian Dollar")},
    {u"CDF", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Congolese Franc")},
    {u"CHF", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Swiss Franc")},
    {u"CLP", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Chilean Peso")},
    {u"CNY", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Yuan Renminbi")},
    {u"COP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Colombian Peso")},
    {u"CRC", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Costa Rican Colon")},
    {u"CUP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Cuban Peso")},
    {u"CVE", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Cabo Verde Escudo")},
    {u"CZK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Czech Koruna")},
    {u"DJF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Djibouti Franc")},
    {u"DKK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Danish Krone")},
    {u"DOP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Dominican Peso")},
    {u"DZD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Algerian Dinar")},
    {u"EGP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Egyptian Pound")},
    {u"ERN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Nakfa")},
    {u"ETB", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Ethiopian Birr")},
    {u"EUR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Euro")},
    {u"FJD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Fiji Dollar")},
    {u"FKP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Falkland Islands Pound")},
    {u"GBP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Pound Sterling")},
    {u"GEL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Lari")},
    {u"GHS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Ghana Cedi")},
    {u"GIP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Gibraltar Pound")},
    {u"GMD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Dalasi")},
    {u"GNF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Guinean Franc")},
    {u"GTQ", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Quetzal")},
    {u"GYD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Guyana Dollar")},
    {u"HKD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Hong Kong Dollar")},
    {u"HNL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Lempira")},
    {u"HTG", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Gourde")},
    {u"HUF", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Forint")},
    {u"IDR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Rupiah")},
    {u"ILS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "New Israeli Sheqel")},
    {u"INR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Indian Rupee")},
    {u"IQD", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Iraqi Dinar")},
    {u"IRR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Iranian Rial")},
    {u"ISK", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Iceland Krona")},
    {u"JMD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Jamaican Dollar")},
    {u"JOD", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Jordanian Dinar")},
    {u"JPY", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Yen")},
    {u"KES", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Kenyan Shilling")},
    {u"KGS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Som")},
    {u"KHR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Riel")},
    {u"KMF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Comorian Franc")},
    {u"KPW", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "North Korean Won")},
    {u"KRW", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Won")},
    {u"KWD", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Kuwaiti Dinar")},
    {u"KYD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Cayman Islands Dollar")},
    {u"KZT", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Tenge")},
    {u"LAK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Lao Kip")},
    {u"LBP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Lebanese Pound")},
    {u"LKR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Sri Lanka Rupee")},
    {u"LRD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Liberian Dollar")},
    {u"LSL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Loti")},
    {u"LYD", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Libyan Dinar")},
    {u"MAD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Moroccan Dirham")},
    {u"MDL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Moldovan Leu")},
    {u"MGA", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Malagasy Ariary")},
    {u"MKD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Denar")},
    {u"MMK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Kyat")},
    {u"MNT", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Tugrik")},
    {u"MOP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Pataca")},
    {u"MRU", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Ouguiya")},
    {u"MUR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Mauritius Rupee")},
    {u"MVR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Rufiyaa")},
    {u"MWK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Malawi Kwacha")},
    {u"MXN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Mexican Peso")},
    {u"MYR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Malaysian Ringgit")},
    {u"MZN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Mozambique Metical")},
    {u"NAD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Namibia Dollar")},
    {u"NGN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Naira")},
    {u"NIO", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Cordoba Oro")},
    {u"NOK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Norwegian Krone")},
    {u"NPR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Nepalese Rupee")},
    {u"NZD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "New Zealand Dollar")},
    {u"OMR", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Rial Omani")},
    {u"PAB", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Balboa")},
    {u"PEN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Sol")},
    {u"PGK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Kina")},
    {u"PHP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Philippine Peso")},
    {u"PKR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Pakistan Rupee")},
    {u"PLN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Zloty")},
    {u"PYG", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Guarani")},
    {u"QAR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Qatari Rial")},
    {u"RON", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Romanian Leu")},
    {u"RSD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Serbian Dinar")},
    {u"RUB", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Russian Ruble")},
    {u"RWF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Rwanda Franc")},
    {u"SAR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Saudi Riyal")},
    {u"SBD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Solomon Islands Dollar")},
    {u"SCR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Seychelles Rupee")},
    {u"SDG", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Sudanese Pound")},
    {u"SEK", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Swedish Krona")},
    {u"SGD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Singapore Dollar")},
    {u"SHP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Saint Helena Pound")},
    {u"SLE", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Leone")},
    {u"SOS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Somali Shilling")},
    {u"SRD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Surinam Dollar")},
    {u"SSP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "South Sudanese Pound")},
    {u"STN", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Dobra")},
    {u"SVC", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "El Salvador Colon")},
    {u"SYP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Syrian Pound")},
    {u"SZL", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Lilangeni")},
    {u"THB", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Baht")},
    {u"TJS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Somoni")},
    {u"TMT", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Turkmenistan New Manat")},
    {u"TND", 3, QT_TRANSLATE_NOOP("CurrencyCatalog", "Tunisian Dinar")},
    {u"TOP", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Pa'anga")},
    {u"TRY", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Turkish Lira")},
    {u"TTD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Trinidad and Tobago Dollar")},
    {u"TWD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "New Taiwan Dollar")},
    {u"TZS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Tanzanian Shilling")},
    {u"UAH", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Hryvnia")},
    {u"UGX", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Uganda Shilling")},
    {u"USD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "US Dollar")},
    {u"UYU", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Peso Uruguayo")},
    {u"UZS", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Uzbekistan Sum")},
    {u"VED", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Bolivar Soberano (digital)")},
    {u"VES", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Bolivar Soberano")},
    {u"VND", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Dong")},
    {u"VUV", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "Vatu")},
    {u"WST", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Tala")},
    {u"XAF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "CFA Franc BEAC")},
    {u"XCD", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "East Caribbean Dollar")},
    {u"XCG", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Caribbean Guilder")},
    {u"XOF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "CFA Franc BCEAO")},
    {u"XPF", 0, QT_TRANSLATE_NOOP("CurrencyCatalog", "CFP Franc")},
    {u"YER", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Yemeni Rial")},
    {u"ZAR", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Rand")},
    {u"ZMW", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Zambian Kwacha")},
    {u"ZWG", 2, QT_TRANSLATE_NOOP("CurrencyCatalog", "Zimbabwe Gold")},
};

const RawCurrency *find(QStringView code)
{
    if (code.size() != 3)
        return nullptr;
    const auto it =
        std::find_if(std::begin(kCurrencies), std::end(kCurrencies), [code](const RawCurrency &c) {
            return QStringView(c.code).compare(code, Qt::CaseInsensitive) == 0;
        });
    return it == std::end(kCurrencies) ? nullptr : &*it;
}

} // namespace

QList<CurrencyEntry> CurrencyCatalog::currencies()
{
    QList<CurrencyEntry> list;
    list.reserve(static_cast<qsizetype>(std::size(kCurrencies)));
    for (const RawCurrency &c : kCurrencies)
        list.append({QString::fromUtf16(c.code), c.decimals, tr(c.name)});
    return list; // the table is kept in code order
}

bool CurrencyCatalog::contains(QStringView code)
{
    return find(code) != nullptr;
}

int CurrencyCatalog::decimalsOf(QStringView code)
{
    const RawCurrency *c = find(code);
    return c ? c->decimals : 2;
}

QString CurrencyCatalog::displayText(const CurrencyEntry &currency)
{
    return currency.code % QStringLiteral(" \u2014 ") % currency.name;
}

QString CurrencyCatalog::codeFor(QStringView typed)
{
    const QStringView text = typed.trimmed();
    if (const RawCurrency *c = find(text))
        return QString::fromUtf16(c->code);
    // A display text starts with the code; check the rest too, so that "USD — anything" is not taken.
    for (const CurrencyEntry &currency : currencies()) {
        if (text.compare(displayText(currency), Qt::CaseInsensitive) == 0)
            return currency.code;
    }
    return QString();
}
