//! Dates without a time-zone library: local day numbers from a UTC offset,
//! `YYYY-MM-DD` parsing and formatting, ISO timestamps. Pure and tested.

pub const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 for a civil date (proleptic Gregorian).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Parses `YYYY-MM-DD` into a day number; rejects impossible dates.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The local day number of an instant, for a UTC offset in minutes
/// (positive east of Greenwich: UTC+2 is 120).
pub fn local_day(at_ms: i64, utc_offset_min: i32) -> i64 {
    (at_ms + i64::from(utc_offset_min) * 60_000).div_euclid(DAY_MS)
}

/// The instant local midnight starts a day.
pub fn local_midnight_ms(day: i64, utc_offset_min: i32) -> i64 {
    day * DAY_MS - i64::from(utc_offset_min) * 60_000
}

/// `2026-11-26T05:12:00Z`
pub fn iso_utc(at_ms: i64) -> String {
    let day = at_ms.div_euclid(DAY_MS);
    let ms = at_ms.rem_euclid(DAY_MS);
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
    format!("{}T{h:02}:{m:02}:{s:02}Z", format_date(day))
}

/// `2026-11-26 09:30`: an instant's local date and time, for a UTC offset in
/// minutes.
pub fn format_local(at_ms: i64, utc_offset_min: i32) -> String {
    let local_ms = at_ms + i64::from(utc_offset_min) * 60_000;
    let minutes = local_ms.rem_euclid(DAY_MS) / 60_000;
    format!(
        "{} {:02}:{:02}",
        format_date(local_day(at_ms, utc_offset_min)),
        minutes / 60,
        minutes % 60
    )
}

/// "1:05" for 65 seconds (negative counts as 0).
pub fn minutes_seconds(seconds: i64) -> String {
    let seconds = seconds.max(0);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(parse_date("2026-11-26"), Some(20_783));
        assert_eq!(format_date(20_783), "2026-11-26");
        for days in -1000..30_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "26-1-1",
            "soon",
            "2026-11",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("2028-02-29").is_some());
    }

    #[test]
    fn local_times_follow_the_offset() {
        let at = 1_795_651_200_000 + 9 * 3_600_000 + 30 * 60_000; // 2026-11-26T09:30:00Z
        assert_eq!(format_local(at, 0), "2026-11-26 09:30");
        assert_eq!(format_local(at, 120), "2026-11-26 11:30");
        assert_eq!(format_local(at, -600), "2026-11-25 23:30");
        assert_eq!(format_local(at + 59_999, 0), "2026-11-26 09:30");
    }

    #[test]
    fn local_days_follow_the_offset() {
        let at = 1_795_651_200_000; // 2026-11-26T00:00:00Z
        assert_eq!(format_date(local_day(at, 0)), "2026-11-26");
        assert_eq!(format_date(local_day(at - 1, 0)), "2026-11-25");
        // At UTC midnight it is still the 25th in New York (UTC-5).
        assert_eq!(format_date(local_day(at, -300)), "2026-11-25");
        assert_eq!(local_midnight_ms(local_day(at, 60), 60), at - 3_600_000);
        assert_eq!(iso_utc(at + 3_723_000), "2026-11-26T01:02:03Z");
    }
}
