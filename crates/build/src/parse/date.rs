//! Jekyll/Chirpy dates: `2021-02-01`, `2021-02-01 00:00:00`, `2021-11-14 16:50:00 +0900`,
//! `2021-11-14T16:50:00+09:00`, with `Z` for UTC. A date without an offset is in the site's
//! time zone (`timezone` in site.toml, as Jekyll's `_config.yml` has it), Korea's by default.

use geul_core::PostDate;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// The zone dates written without an offset are in: an IANA name such as `Asia/Seoul`.
#[derive(Debug, Clone)]
pub struct SiteZone(TimeZone);

/// The zone of a site that names none: the one Korean blogs write in.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Seoul";

impl SiteZone {
    /// The zone named `name`, from the time zone database the build carries.
    pub fn named(name: &str) -> Result<SiteZone, String> {
        TimeZone::get(name).map(SiteZone).map_err(|_| {
            format!(
                "unknown time zone \"{name}\": use a name from the IANA database, such as \
                 \"Asia/Seoul\", \"America/New_York\" or \"UTC\""
            )
        })
    }

    /// Seconds east of UTC at that wall-clock time (before a jump forward, the offset
    /// that was in force, as Jekyll's Ruby does).
    fn offset_at(&self, year: i64, month: u32, day: u32, seconds_of_day: i64) -> Option<i64> {
        let wall = DateTime::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
            i8::try_from(seconds_of_day / 3600).ok()?,
            i8::try_from(seconds_of_day / 60 % 60).ok()?,
            i8::try_from(seconds_of_day % 60).ok()?,
            0,
        )
        .ok()?;
        let instant = self.0.to_ambiguous_timestamp(wall).compatible().ok()?;
        Some(i64::from(self.0.to_offset(instant).seconds()))
    }
}

impl Default for SiteZone {
    fn default() -> Self {
        SiteZone::named(DEFAULT_TIME_ZONE).expect("the bundled database has Korea's zone")
    }
}

const EXPECTED: &str =
    "expected YYYY-MM-DD, optionally followed by HH:MM[:SS] and an offset such as +0900";

/// Parses a front matter date, in `zone` unless it names an offset; the error says what
/// was expected.
pub fn parse_date(text: &str, zone: &SiteZone) -> Result<PostDate, String> {
    let text = text.trim();
    let fail = || format!("unparseable date \"{text}\": {EXPECTED}");
    let (date_part, rest) = text.split_at(text.find([' ', 'T']).unwrap_or(text.len()));
    let (year, month, day) = parse_ymd(date_part).ok_or_else(fail)?;
    let rest = rest.trim_start_matches([' ', 'T']).trim();

    let (time_part, offset_part) = match rest.find(['+', '-', 'Z', ' ']) {
        Some(at) => (rest[..at].trim(), rest[at..].trim()),
        None => (rest, ""),
    };
    let seconds_of_day = if time_part.is_empty() {
        0
    } else {
        parse_time(time_part).ok_or_else(fail)?
    };
    let offset = if offset_part.is_empty() {
        zone.offset_at(year, month, day, seconds_of_day)
            .ok_or_else(fail)?
    } else {
        parse_offset(offset_part).ok_or_else(fail)?
    };

    let timestamp = days_from_civil(year, month, day) * 86_400 + seconds_of_day - offset;
    Ok(PostDate {
        year: year as u16,
        month: month as u8,
        day: day as u8,
        timestamp,
    })
}

/// Reads `YYYY-MM-DD` (also used for Jekyll file names); checks the day exists.
pub fn parse_ymd(text: &str) -> Option<(i64, u32, u32)> {
    let mut fields = text.split('-');
    let year = fields
        .next()
        .filter(|y| y.len() == 4)?
        .parse::<i64>()
        .ok()?;
    let month = fields
        .next()
        .filter(|m| (1..=2).contains(&m.len()))?
        .parse::<u32>()
        .ok()?;
    let day = fields
        .next()
        .filter(|d| (1..=2).contains(&d.len()))?
        .parse::<u32>()
        .ok()?;
    if fields.next().is_some()
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
    {
        return None;
    }
    Some((year, month, day))
}

fn parse_time(text: &str) -> Option<i64> {
    let text = text.split('.').next()?; // fractional seconds do not matter for ordering
    let fields: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&fields.len()) || fields.iter().any(|f| f.len() != 2) {
        return None;
    }
    let numbers: Vec<i64> = fields
        .iter()
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    let (hours, minutes, seconds) = (numbers[0], numbers[1], *numbers.get(2).unwrap_or(&0));
    (hours < 24 && minutes < 60 && seconds < 60).then_some(hours * 3600 + minutes * 60 + seconds)
}

fn parse_offset(text: &str) -> Option<i64> {
    if text == "Z" {
        return Some(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Some(0), |m| m.parse().ok())?;
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_developer_form_is_korean_midnight() {
        let date = parse_date("2021-02-01 00:00:00", &SiteZone::default()).unwrap();
        assert_eq!((date.year, date.month, date.day), (2021, 2, 1));
        // 2021-02-01T00:00:00+09:00 == 2021-01-31T15:00:00Z
        assert_eq!(date.timestamp, 1_612_105_200);
    }

    #[test]
    fn chirpy_form_with_offset() {
        let date = parse_date("2021-11-14 16:50:00 +0900", &SiteZone::default()).unwrap();
        assert_eq!(date.timestamp, 1_636_876_200);
        assert_eq!(date.korean(), "2021년 11월 14일");
    }

    #[test]
    fn iso_forms_agree() {
        let a = parse_date("2021-11-14T16:50:00+09:00", &SiteZone::default()).unwrap();
        let b = parse_date("2021-11-14T07:50:00Z", &SiteZone::default()).unwrap();
        let c = parse_date("2021-11-14 07:50 +00:00", &SiteZone::default()).unwrap();
        assert_eq!(a.timestamp, b.timestamp);
        assert_eq!(b.timestamp, c.timestamp);
    }

    #[test]
    fn a_date_without_an_offset_is_in_the_site_s_zone_and_its_summer_time() {
        let new_york = SiteZone::named("America/New_York").unwrap();
        // 2024-01-15 09:00 EST (−5) and 2024-07-15 09:00 EDT (−4).
        let winter = parse_date("2024-01-15 09:00", &new_york).unwrap();
        assert_eq!(winter.timestamp, 1_705_327_200);
        let summer = parse_date("2024-07-15 09:00", &new_york).unwrap();
        assert_eq!(summer.timestamp, 1_721_048_400);
        let utc = SiteZone::named("UTC").unwrap();
        assert_eq!(parse_date("1970-01-02", &utc).unwrap().timestamp, 86_400);
        // A written offset wins over the zone.
        let written = parse_date("2021-11-14 16:50:00 +0900", &new_york).unwrap();
        assert_eq!(written.timestamp, 1_636_876_200);
        let error = SiteZone::named("Seoul").unwrap_err();
        assert!(error.contains("unknown time zone \"Seoul\""), "{error}");
    }

    #[test]
    fn date_only() {
        assert_eq!(
            parse_date("2024-02-29", &SiteZone::default())
                .unwrap()
                .iso(),
            "2024-02-29"
        );
    }

    #[test]
    fn impossible_and_malformed_dates_are_rejected() {
        for bad in [
            "2021-02-30",
            "2023-02-29",
            "2021-13-01",
            "21-02-01",
            "yesterday",
            "2021-02-01 25:00",
            "2021-02-01 10:00 +9",
            "2021/02/01",
            "",
        ] {
            let error = parse_date(bad, &SiteZone::default()).unwrap_err();
            assert!(error.contains("unparseable date"), "{bad}: {error}");
        }
    }
}
