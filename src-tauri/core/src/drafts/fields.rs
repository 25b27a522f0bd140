//! Structured posting fields: pay, locations, workplace, employment type. They hold what a
//! check or a JSON-LD export needs to know exactly ("a minimum and a maximum", "Colorado"),
//! where the free-text fields (`salary_range`, `location`, ...) only say it.
//!
//! Each structured value can be parsed from the free text a draft saved before it existed
//! ("€180,000–€220,000 a year", "Denver, CO, US", "Full-time"), so old drafts migrate without
//! losing a word: the text stays as written and the structure is read from it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Pay for the job. A range has both ends; an open-ended one ("up to $250,000") has one; a
/// single figure has `min == max`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Salary {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217 code: `USD`, `EUR`, ...
    pub currency: Option<String>,
    pub period: Option<PayPeriod>,
}

/// The unit a pay figure is per (schema.org `unitText`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum PayPeriod {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl PayPeriod {
    pub const ALL: [PayPeriod; 5] = [
        PayPeriod::Hour,
        PayPeriod::Day,
        PayPeriod::Week,
        PayPeriod::Month,
        PayPeriod::Year,
    ];

    /// `hour`, `year`, ...; also `hourly`, `annual`, `yearly`, `per annum`, any case.
    pub fn parse(text: &str) -> Option<PayPeriod> {
        let t = squash(text);
        let t = t.trim_start_matches("per").trim_start_matches('a');
        Some(match t {
            "hour" | "hourly" | "hr" | "h" => PayPeriod::Hour,
            "day" | "daily" => PayPeriod::Day,
            "week" | "weekly" | "wk" => PayPeriod::Week,
            "month" | "monthly" | "mo" => PayPeriod::Month,
            "year" | "yearly" | "nnual" | "nnum" | "yr" | "nnually" | "pa" => PayPeriod::Year,
            _ => return None,
        })
    }

    /// schema.org `unitText`: `HOUR`, `YEAR`, ...
    pub fn schema_org(self) -> &'static str {
        match self {
            PayPeriod::Hour => "HOUR",
            PayPeriod::Day => "DAY",
            PayPeriod::Week => "WEEK",
            PayPeriod::Month => "MONTH",
            PayPeriod::Year => "YEAR",
        }
    }

    fn word(self) -> &'static str {
        match self {
            PayPeriod::Hour => "hour",
            PayPeriod::Day => "day",
            PayPeriod::Week => "week",
            PayPeriod::Month => "month",
            PayPeriod::Year => "year",
        }
    }
}

/// What shape a salary has, for the pay-transparency rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalaryShape {
    /// No figure at all.
    None,
    /// Only a maximum ("up to ...").
    OnlyMax,
    /// Only a minimum ("from ...", "...+").
    OnlyMin,
    /// One figure (`min == max`).
    Single,
    /// A minimum below a maximum.
    Range,
}

impl Salary {
    pub fn is_empty(&self) -> bool {
        self.min.is_none() && self.max.is_none() && self.currency.is_none() && self.period.is_none()
    }

    pub fn shape(&self) -> SalaryShape {
        match (self.min, self.max) {
            (None, None) => SalaryShape::None,
            (None, Some(_)) => SalaryShape::OnlyMax,
            (Some(_), None) => SalaryShape::OnlyMin,
            (Some(a), Some(b)) if a == b => SalaryShape::Single,
            (Some(_), Some(_)) => SalaryShape::Range,
        }
    }

    /// Reads pay from free text: `€180,000–€220,000 a year`, `up to $250k`, `USD 90/hour`,
    /// `from £60,000`, `$120k+`. `None` when the text holds no figure.
    pub fn parse(text: &str) -> Option<Salary> {
        let lower = text.to_lowercase();
        let figures = figures(text);
        if figures.is_empty() {
            return None;
        }
        let mut salary = Salary {
            currency: currency_in(text),
            period: period_in(&lower),
            ..Salary::default()
        };
        let up_to = ["up to", "max", "maximum", "no more than", "≤"]
            .iter()
            .any(|w| lower.contains(w));
        let from = ["from", "starting", "at least", "min", "+", "≥", "and above"]
            .iter()
            .any(|w| lower.contains(w));
        match figures.as_slice() {
            [one] if up_to => salary.max = Some(*one),
            [one] if from => salary.min = Some(*one),
            [one] => {
                salary.min = Some(*one);
                salary.max = Some(*one);
            }
            [a, b, ..] => {
                salary.min = Some(a.min(*b));
                salary.max = Some(a.max(*b));
            }
            [] => return None,
        }
        Some(salary)
    }

    /// `€180,000–€220,000 a year`, `Up to $250,000 a year`, `From $60 an hour`.
    pub fn display(&self) -> Option<String> {
        let money = |v: f64| money(v, self.currency.as_deref());
        let amount = match (self.min, self.max) {
            (None, None) => return None,
            (Some(a), Some(b)) if a == b => money(a),
            (Some(a), Some(b)) => format!("{}–{}", money(a), money(b)),
            (None, Some(b)) => format!("Up to {}", money(b)),
            (Some(a), None) => format!("From {}", money(a)),
        };
        Some(match self.period {
            Some(PayPeriod::Hour) => format!("{amount} an hour"),
            Some(p) => format!("{amount} a {}", p.word()),
            None => amount,
        })
    }
}

fn money(v: f64, currency: Option<&str>) -> String {
    let whole = v.trunc() as i64;
    let mut digits = whole.abs().to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    let mut number = format!("{digits}{grouped}");
    let cents = ((v - v.trunc()) * 100.0).round() as i64;
    if cents != 0 {
        number.push_str(&format!(".{:02}", cents.abs()));
    }
    match currency.map(|c| (c, symbol(c))) {
        Some((_, Some(sym))) => format!("{sym}{number}"),
        Some((code, None)) => format!("{code} {number}"),
        None => number,
    }
}

const SYMBOLS: [(&str, &str); 9] = [
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("US$", "USD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
];

const CODES: [&str; 14] = [
    "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "NZD",
    "SGD",
];

fn symbol(code: &str) -> Option<&'static str> {
    match code {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        "CAD" => Some("CA$"),
        "AUD" => Some("A$"),
        _ => None,
    }
}

fn currency_in(text: &str) -> Option<String> {
    let upper = text.to_uppercase();
    for code in CODES {
        if upper
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w == code)
        {
            return Some(code.to_string());
        }
    }
    SYMBOLS
        .iter()
        .find(|(sym, _)| text.contains(sym))
        .map(|(_, code)| code.to_string())
}

fn period_in(lower: &str) -> Option<PayPeriod> {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().rev().find_map(|w| match *w {
        "k" | "a" | "an" | "per" | "to" | "up" | "from" => None,
        w => PayPeriod::parse(w),
    })
}

/// The numbers in a pay text, `k`/`m` suffixes applied: `$120k–$150k` → 120000, 150000.
fn figures(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut raw = String::new();
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.' | '\u{202f}' | '\u{a0}')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            if chars[i].is_ascii_digit() || chars[i] == '.' {
                raw.push(chars[i]);
            }
            i += 1;
        }
        let mut value: f64 = raw.parse().unwrap_or(0.0);
        match chars.get(i).map(|c| c.to_ascii_lowercase()) {
            Some('k') => value *= 1_000.0,
            Some('m') if !chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) => {
                value *= 1_000_000.0
            }
            _ => {}
        }
        out.push(value);
    }
    out
}

/// Where the job is: a city, a region (state, province: its code when it has one) and an
/// ISO 3166-1 alpha-2 country code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Location {
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

impl Location {
    /// `Denver, CO, US`, `New York, NY`, `Berlin, Germany`, `Toronto, Ontario, Canada`,
    /// `Remote`: the last part is the country when it is a code or a known name; a US state
    /// or Canadian province is stored as its code.
    pub fn parse(text: &str) -> Option<Location> {
        let mut parts: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return None;
        }
        let mut loc = Location::default();
        if let Some(code) = parts.last().and_then(|p| country_code(p)) {
            loc.country = Some(code.to_string());
            parts.pop();
        }
        if parts.len() >= 2 {
            if let Some(last) = parts.last() {
                let (code, country) = region_code(last);
                loc.region = Some(code.unwrap_or(last).to_string());
                if loc.country.is_none() {
                    loc.country = country.map(str::to_string);
                }
                parts.pop();
            }
        } else if parts.len() == 1 && loc.country.is_none() {
            // "Colorado" alone, or "Denver".
            if let (Some(code), country) = region_code(parts[0]) {
                loc.region = Some(code.to_string());
                loc.country = country.map(str::to_string);
                return Some(loc);
            }
        }
        if !parts.is_empty() {
            loc.city = Some(parts.join(", "));
        }
        if loc.country.is_none() && loc.region.is_none() {
            if let Some(city) = &loc.city {
                if let Some((region, country)) = known_city(city) {
                    loc.region = Some(region.to_string());
                    loc.country = Some(country.to_string());
                }
            }
        }
        Some(loc)
    }

    /// `Denver, CO, US`.
    pub fn display(&self) -> String {
        [&self.city, &self.region, &self.country]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The region's full name when it is a known code: `CO` → `Colorado`.
    pub fn region_name(&self) -> Option<&'static str> {
        let region = self.region.as_deref()?;
        REGIONS
            .iter()
            .find(|(code, _, country)| {
                code.eq_ignore_ascii_case(region)
                    && self.country.as_deref().is_none_or(|c| c == *country)
            })
            .map(|(_, name, _)| *name)
    }
}

/// Parses a list of locations separated by `;` (a location itself has commas).
pub fn parse_locations(text: &str) -> Vec<Location> {
    text.split(';').filter_map(Location::parse).collect()
}

const COUNTRY_NAMES: [(&str, &str); 24] = [
    ("united states", "US"),
    ("united states of america", "US"),
    ("usa", "US"),
    ("u.s.", "US"),
    ("u.s.a.", "US"),
    ("america", "US"),
    ("canada", "CA"),
    ("united kingdom", "GB"),
    ("uk", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("france", "FR"),
    ("spain", "ES"),
    ("italy", "IT"),
    ("netherlands", "NL"),
    ("ireland", "IE"),
    ("portugal", "PT"),
    ("poland", "PL"),
    ("sweden", "SE"),
    ("austria", "AT"),
    ("belgium", "BE"),
    ("australia", "AU"),
];

fn country_code(part: &str) -> Option<&'static str> {
    let lower = part.trim().to_lowercase();
    if let Some((_, code)) = COUNTRY_NAMES.iter().find(|(n, _)| *n == lower) {
        return Some(code);
    }
    // A bare two-letter code that is not also a US state or province code we'd misread.
    if lower.len() == 2 && lower.chars().all(|c| c.is_ascii_alphabetic()) {
        let upper = lower.to_uppercase();
        return ISO_COUNTRIES.iter().find(|c| **c == upper).copied();
    }
    None
}

/// The ISO 3166-1 codes Rolecraft recognises in a location (EU, EEA, UK, North America,
/// Oceania and the larger hiring markets).
const ISO_COUNTRIES: [&str; 48] = [
    "US", "CA", "MX", "GB", "IE", "DE", "FR", "ES", "IT", "PT", "NL", "BE", "LU", "AT", "CH", "DK",
    "SE", "NO", "FI", "IS", "PL", "CZ", "SK", "HU", "SI", "HR", "RO", "BG", "GR", "CY", "MT", "EE",
    "LV", "LT", "LI", "AU", "NZ", "JP", "SG", "IN", "BR", "AR", "CL", "CO", "ZA", "IL", "AE", "KR",
];

/// US states (with DC) and Canadian provinces: code, name, country.
pub const REGIONS: [(&str, &str, &str); 64] = [
    ("AL", "Alabama", "US"),
    ("AK", "Alaska", "US"),
    ("AZ", "Arizona", "US"),
    ("AR", "Arkansas", "US"),
    ("CA", "California", "US"),
    ("CO", "Colorado", "US"),
    ("CT", "Connecticut", "US"),
    ("DE", "Delaware", "US"),
    ("DC", "District of Columbia", "US"),
    ("FL", "Florida", "US"),
    ("GA", "Georgia", "US"),
    ("HI", "Hawaii", "US"),
    ("ID", "Idaho", "US"),
    ("IL", "Illinois", "US"),
    ("IN", "Indiana", "US"),
    ("IA", "Iowa", "US"),
    ("KS", "Kansas", "US"),
    ("KY", "Kentucky", "US"),
    ("LA", "Louisiana", "US"),
    ("ME", "Maine", "US"),
    ("MD", "Maryland", "US"),
    ("MA", "Massachusetts", "US"),
    ("MI", "Michigan", "US"),
    ("MN", "Minnesota", "US"),
    ("MS", "Mississippi", "US"),
    ("MO", "Missouri", "US"),
    ("MT", "Montana", "US"),
    ("NE", "Nebraska", "US"),
    ("NV", "Nevada", "US"),
    ("NH", "New Hampshire", "US"),
    ("NJ", "New Jersey", "US"),
    ("NM", "New Mexico", "US"),
    ("NY", "New York", "US"),
    ("NC", "North Carolina", "US"),
    ("ND", "North Dakota", "US"),
    ("OH", "Ohio", "US"),
    ("OK", "Oklahoma", "US"),
    ("OR", "Oregon", "US"),
    ("PA", "Pennsylvania", "US"),
    ("RI", "Rhode Island", "US"),
    ("SC", "South Carolina", "US"),
    ("SD", "South Dakota", "US"),
    ("TN", "Tennessee", "US"),
    ("TX", "Texas", "US"),
    ("UT", "Utah", "US"),
    ("VT", "Vermont", "US"),
    ("VA", "Virginia", "US"),
    ("WA", "Washington", "US"),
    ("WV", "West Virginia", "US"),
    ("WI", "Wisconsin", "US"),
    ("WY", "Wyoming", "US"),
    ("AB", "Alberta", "CA"),
    ("BC", "British Columbia", "CA"),
    ("MB", "Manitoba", "CA"),
    ("NB", "New Brunswick", "CA"),
    ("NL", "Newfoundland and Labrador", "CA"),
    ("NS", "Nova Scotia", "CA"),
    ("NT", "Northwest Territories", "CA"),
    ("NU", "Nunavut", "CA"),
    ("ON", "Ontario", "CA"),
    ("PE", "Prince Edward Island", "CA"),
    ("QC", "Quebec", "CA"),
    ("SK", "Saskatchewan", "CA"),
    ("YT", "Yukon", "CA"),
];

/// A region's code and country from its code or name (`CO`, `Colorado`); the text itself
/// (and no country) when it is neither.
fn region_code(part: &str) -> (Option<&'static str>, Option<&'static str>) {
    let p = part.trim();
    REGIONS
        .iter()
        .find(|(code, name, _)| code.eq_ignore_ascii_case(p) || name.eq_ignore_ascii_case(p))
        .map_or((None, None), |(code, _, country)| {
            (Some(*code), Some(*country))
        })
}

fn known_city(city: &str) -> Option<(&'static str, &'static str)> {
    const CITIES: [(&str, &str, &str); 8] = [
        ("new york city", "NY", "US"),
        ("nyc", "NY", "US"),
        ("san francisco", "CA", "US"),
        ("los angeles", "CA", "US"),
        ("seattle", "WA", "US"),
        ("denver", "CO", "US"),
        ("chicago", "IL", "US"),
        ("toronto", "ON", "CA"),
    ];
    let lower = city.to_lowercase();
    CITIES
        .iter()
        .find(|(c, _, _)| *c == lower)
        .map(|(_, r, c)| (*r, *c))
}

/// Where the work happens.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum WorkplaceKind {
    #[default]
    OnSite,
    Hybrid,
    Remote,
}

impl WorkplaceKind {
    /// `on_site`, `on-site`, `onsite`, `office`, `hybrid`, `remote`, any case.
    pub fn parse(text: &str) -> Option<WorkplaceKind> {
        match squash(text).as_str() {
            "onsite" | "office" | "inoffice" | "inperson" => Some(WorkplaceKind::OnSite),
            "hybrid" => Some(WorkplaceKind::Hybrid),
            "remote" | "fullyremote" | "telecommute" | "remotefirst" => Some(WorkplaceKind::Remote),
            _ => None,
        }
    }

    /// Reads the kind from a remote-policy text: "Hybrid (two days in the office)".
    pub fn from_policy(text: &str) -> Option<WorkplaceKind> {
        let lower = text.to_lowercase();
        if lower.contains("hybrid") {
            Some(WorkplaceKind::Hybrid)
        } else if lower.contains("remote") {
            Some(WorkplaceKind::Remote)
        } else if [
            "on-site",
            "onsite",
            "on site",
            "in office",
            "in-office",
            "in person",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            Some(WorkplaceKind::OnSite)
        } else {
            None
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkplaceKind::OnSite => "On-site",
            WorkplaceKind::Hybrid => "Hybrid",
            WorkplaceKind::Remote => "Remote",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Workplace {
    pub kind: WorkplaceKind,
    /// For remote (and hybrid) work: the countries or regions applicants may live in
    /// (`US`, `US-CO`, `EU`, ...).
    pub applicant_regions: Vec<String>,
}

/// Employment type, with schema.org's `employmentType` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contractor,
    Temporary,
    Intern,
    Volunteer,
    PerDiem,
    Other,
}

impl EmploymentType {
    pub const ALL: [EmploymentType; 8] = [
        EmploymentType::FullTime,
        EmploymentType::PartTime,
        EmploymentType::Contractor,
        EmploymentType::Temporary,
        EmploymentType::Intern,
        EmploymentType::Volunteer,
        EmploymentType::PerDiem,
        EmploymentType::Other,
    ];

    /// `FULL_TIME`, `full-time`, `Full time`, `fulltime` are one value; `contract`,
    /// `internship`, `temp` too.
    pub fn parse(text: &str) -> Option<EmploymentType> {
        Some(match squash(text).as_str() {
            "fulltime" | "permanent" | "fulltimepermanent" => EmploymentType::FullTime,
            "parttime" => EmploymentType::PartTime,
            "contractor" | "contract" | "freelance" => EmploymentType::Contractor,
            "temporary" | "temp" | "fixedterm" => EmploymentType::Temporary,
            "intern" | "internship" => EmploymentType::Intern,
            "volunteer" => EmploymentType::Volunteer,
            "perdiem" => EmploymentType::PerDiem,
            "other" => EmploymentType::Other,
            _ => return None,
        })
    }

    /// schema.org's value: `FULL_TIME`.
    pub fn schema_org(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contractor => "CONTRACTOR",
            EmploymentType::Temporary => "TEMPORARY",
            EmploymentType::Intern => "INTERN",
            EmploymentType::Volunteer => "VOLUNTEER",
            EmploymentType::PerDiem => "PER_DIEM",
            EmploymentType::Other => "OTHER",
        }
    }

    /// `Full-time`.
    pub fn label(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "Full-time",
            EmploymentType::PartTime => "Part-time",
            EmploymentType::Contractor => "Contract",
            EmploymentType::Temporary => "Temporary",
            EmploymentType::Intern => "Internship",
            EmploymentType::Volunteer => "Volunteer",
            EmploymentType::PerDiem => "Per diem",
            EmploymentType::Other => "Other",
        }
    }
}

/// Lower case, without spaces, `-` and `_`: `Full_Time` → `fulltime`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `YYYY-MM-DD` with a real month and day.
pub fn valid_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// An apply target: an `http(s)` URL or an e-mail address (`mailto:` optional).
pub fn valid_apply_target(text: &str) -> bool {
    let t = text.trim();
    if let Some(rest) = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
    {
        return rest
            .split('/')
            .next()
            .is_some_and(|host| host.contains('.'))
            && !t.chars().any(char::is_whitespace);
    }
    let mail = t.strip_prefix("mailto:").unwrap_or(t);
    match mail.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !mail
                    .chars()
                    .any(|c| c.is_whitespace() || c == '<' || c == '>')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salaries_parse_from_the_texts_recruiters_write() {
        let s = Salary::parse("€180,000–€220,000 a year").unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_deref(), s.period),
            (
                Some(180_000.0),
                Some(220_000.0),
                Some("EUR"),
                Some(PayPeriod::Year)
            )
        );
        assert_eq!(s.shape(), SalaryShape::Range);
        let up_to = Salary::parse("up to $250k").unwrap();
        assert_eq!((up_to.min, up_to.max), (None, Some(250_000.0)));
        assert_eq!(up_to.currency.as_deref(), Some("USD"));
        assert_eq!(up_to.shape(), SalaryShape::OnlyMax);
        assert_eq!(
            Salary::parse("$120k+").unwrap().shape(),
            SalaryShape::OnlyMin
        );
        let hourly = Salary::parse("USD 45.50 per hour").unwrap();
        assert_eq!(hourly.shape(), SalaryShape::Single);
        assert_eq!(hourly.min, Some(45.5));
        assert_eq!(hourly.period, Some(PayPeriod::Hour));
        assert_eq!(Salary::parse("Competitive"), None);
        assert_eq!(
            Salary::parse("£60,000 - £75,000 per annum").unwrap().period,
            Some(PayPeriod::Year)
        );
    }

    #[test]
    fn salaries_display_every_shape() {
        let mut s = Salary {
            min: Some(180_000.0),
            max: Some(220_000.0),
            currency: Some("EUR".into()),
            period: Some(PayPeriod::Year),
        };
        assert_eq!(s.display().unwrap(), "€180,000–€220,000 a year");
        s.min = None;
        assert_eq!(s.display().unwrap(), "Up to €220,000 a year");
        s.currency = Some("CHF".into());
        s.period = Some(PayPeriod::Hour);
        s.max = Some(95.5);
        assert_eq!(s.display().unwrap(), "Up to CHF 95.50 an hour");
        assert_eq!(Salary::default().display(), None);
    }

    #[test]
    fn locations_parse_city_region_country() {
        let d = Location::parse("Denver, CO, US").unwrap();
        assert_eq!(
            (d.city.as_deref(), d.region.as_deref(), d.country.as_deref()),
            (Some("Denver"), Some("CO"), Some("US"))
        );
        assert_eq!(d.region_name(), Some("Colorado"));
        let ny = Location::parse("New York, NY").unwrap();
        assert_eq!(ny.country.as_deref(), Some("US"));
        let b = Location::parse("Berlin, Germany").unwrap();
        assert_eq!(
            (b.city.as_deref(), b.region, b.country.as_deref()),
            (Some("Berlin"), None, Some("DE"))
        );
        let t = Location::parse("Toronto, Ontario, Canada").unwrap();
        assert_eq!(
            (t.region.as_deref(), t.country.as_deref()),
            (Some("ON"), Some("CA"))
        );
        let co = Location::parse("Colorado").unwrap();
        assert_eq!(
            (co.city, co.region.as_deref(), co.country.as_deref()),
            (None, Some("CO"), Some("US"))
        );
        assert_eq!(d.display(), "Denver, CO, US");
        assert_eq!(parse_locations("Denver, CO, US; Berlin, DE").len(), 2);
        assert_eq!(Location::parse("  "), None);
    }

    #[test]
    fn enums_ignore_case_and_separators() {
        for t in [
            "full-time",
            "full_time",
            "FULL_TIME",
            "Full time",
            "fulltime",
        ] {
            assert_eq!(
                EmploymentType::parse(t),
                Some(EmploymentType::FullTime),
                "{t}"
            );
        }
        assert_eq!(
            EmploymentType::parse("per-diem"),
            Some(EmploymentType::PerDiem)
        );
        assert_eq!(EmploymentType::parse("gig"), None);
        assert_eq!(
            serde_json::to_string(&EmploymentType::PartTime).unwrap(),
            "\"PART_TIME\""
        );
        assert_eq!(WorkplaceKind::parse("On-Site"), Some(WorkplaceKind::OnSite));
        assert_eq!(WorkplaceKind::parse("REMOTE"), Some(WorkplaceKind::Remote));
        assert_eq!(
            WorkplaceKind::from_policy("Hybrid (two days a week in the office)"),
            Some(WorkplaceKind::Hybrid)
        );
        assert_eq!(PayPeriod::parse("Yearly"), Some(PayPeriod::Year));
        assert_eq!(PayPeriod::parse("per-hour"), Some(PayPeriod::Hour));
    }

    #[test]
    fn dates_and_apply_targets() {
        assert!(valid_date("2026-12-01") && valid_date("2028-02-29"));
        assert!(!valid_date("2027-02-29") && !valid_date("2026-13-01") && !valid_date("1/2/26"));
        assert!(valid_apply_target("https://acme.example/jobs/12"));
        assert!(valid_apply_target("jobs@acme.example"));
        assert!(valid_apply_target("mailto:jobs@acme.example"));
        assert!(!valid_apply_target("javascript:alert(1)"));
        assert!(!valid_apply_target("jobs at acme"));
    }
}
