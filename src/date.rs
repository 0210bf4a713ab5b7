//! Dates as campaigns know them: often only a year or a month.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use time::{Date, Month};

/// A calendar date whose month or day may be unknown (`2024`, `2024-04`, `2024-04-29`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`{s}` is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known"
            )
        };
        let mut parts = s.trim().split('-');
        let year = parts
            .next()
            .filter(|p| p.len() == 4)
            .and_then(|p| p.parse::<i32>().ok())
            .ok_or_else(bad)?;
        let month = match parts.next() {
            None => None,
            Some(p) if p.len() == 2 => Some(p.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        };
        let day = match parts.next() {
            None => None,
            Some(p) if p.len() == 2 => Some(p.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        let date = PartialDate { year, month, day };
        if let Some(m) = month {
            Month::try_from(m).map_err(|_| format!("`{s}`: there is no month {m}"))?;
        }
        if day.is_some() && date.to_date().is_none() {
            return Err(format!("`{s}` does not exist in the calendar"));
        }
        Ok(date)
    }

    pub fn from_date(d: Date) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day()),
        }
    }

    /// The exact day, when it is known.
    pub fn to_date(self) -> Option<Date> {
        let month = Month::try_from(self.month?).ok()?;
        Date::from_calendar_date(self.year, month, self.day?).ok()
    }

    /// The first day the date could mean; used only for ordering and feeds, never shown as a fact.
    pub fn earliest(self) -> Date {
        let month = self
            .month
            .and_then(|m| Month::try_from(m).ok())
            .unwrap_or(Month::January);
        Date::from_calendar_date(self.year, month, self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// The last day the date could mean.
    pub fn latest(self) -> Date {
        if let Some(d) = self.to_date() {
            return d;
        }
        let month = self
            .month
            .and_then(|m| Month::try_from(m).ok())
            .unwrap_or(Month::December);
        Date::from_calendar_date(
            self.year,
            month,
            time::util::days_in_month(month, self.year),
        )
        .unwrap_or(Date::MAX)
    }

    /// Whole days from this date to `to`, when the day is known.
    pub fn days_until(self, to: Date) -> Option<i64> {
        self.to_date().map(|d| (to - d).whole_days())
    }
}

impl fmt::Display for PartialDate {
    /// ISO form, as written in the source (also used in data files and `<time datetime>`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2024-04-29, 2024-04 or 2024")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_and_full_dates() {
        assert_eq!(PartialDate::parse("2024").unwrap().to_string(), "2024");
        assert_eq!(
            PartialDate::parse("2024-04").unwrap().to_string(),
            "2024-04"
        );
        assert_eq!(
            PartialDate::parse("2024-04-29").unwrap().to_string(),
            "2024-04-29"
        );
        assert!(PartialDate::parse("2024-02-30").is_err());
        assert!(PartialDate::parse("2024-13").is_err());
        assert!(PartialDate::parse("29.04.2024").is_err());
        assert!(PartialDate::parse("24-04-29").is_err());
    }

    #[test]
    fn counts_days_only_when_the_day_is_known() {
        let today = PartialDate::parse("2024-05-09").unwrap().to_date().unwrap();
        assert_eq!(
            PartialDate::parse("2024-04-29").unwrap().days_until(today),
            Some(10)
        );
        assert_eq!(
            PartialDate::parse("2024-04").unwrap().days_until(today),
            None
        );
        assert_eq!(PartialDate::parse("2024-02").unwrap().latest().day(), 29);
    }
}
