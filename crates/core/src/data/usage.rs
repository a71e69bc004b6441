//! How much of the browser's localStorage OpsDrill uses, and what an import
//! must keep aside. Browsers give each site about 5 MB there, counted in
//! UTF-16 code units of keys and values (Chromium, Firefox and Safari alike),
//! and say nothing before a write fails; so the app keeps its own count.

use std::collections::BTreeMap;

use super::records::UserData;

/// What a site gets: 5 Mi UTF-16 code units (5 MB of plain text).
pub const LOCAL_STORAGE_BUDGET: usize = 5 * 1024 * 1024;

/// From this share of the budget a banner asks for a backup.
pub const NEARLY_FULL_PERCENT: usize = 80;

/// The length of `text` as browsers count it for the quota.
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The size of every key OpsDrill owns, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    sizes: BTreeMap<String, usize>,
    total: usize,
}

impl Usage {
    /// `key` now holds `value`.
    pub fn set(&mut self, key: &str, value: &str) {
        let size = units(key) + units(value);
        let old = self.sizes.insert(key.to_string(), size).unwrap_or(0);
        self.total = self.total - old + size;
    }

    pub fn remove(&mut self, key: &str) {
        if let Some(old) = self.sizes.remove(key) {
            self.total -= old;
        }
    }

    /// Code units used, keys included.
    pub fn total(&self) -> usize {
        self.total
    }
}

/// The share of the budget `used` is, in whole percent.
pub fn percent(used: usize) -> usize {
    used * 100 / LOCAL_STORAGE_BUDGET
}

pub fn nearly_full(used: usize) -> bool {
    percent(used) >= NEARLY_FULL_PERCENT
}

/// "24 KB" below a tenth of a megabyte, "1.2 MB" from there.
pub fn amount(used: usize) -> String {
    if used < 1024 * 1024 / 10 {
        format!("{} KB", used.div_ceil(1024))
    } else {
        format!("{} MB", megabytes(used as u64))
    }
}

/// `bytes` in megabytes to one decimal ("1.2"), rounded half to even as
/// `{:.1}` rounds, in integers: formatting a float would bring 10 KB of
/// float-printing code into the wasm for these few labels.
pub fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    let (tenths, rest) = ((bytes * 10) / MB, (bytes * 10) % MB);
    let tenths = if rest * 2 > MB || (rest * 2 == MB && tenths % 2 == 1) {
        tenths + 1
    } else {
        tenths
    };
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// "1.2 MB of 5 MB (24%)".
pub fn describe(used: usize) -> String {
    format!(
        "{} of {} MB ({}%)",
        amount(used),
        LOCAL_STORAGE_BUDGET / (1024 * 1024),
        percent(used)
    )
}

/// What must be kept aside before `next` replaces `current`: the answers and
/// stories it would change or remove, and the small records. The rest is
/// the same either way, so a near-full store does not need room for two
/// copies of everything.
pub fn kept_aside(current: &UserData, next: &UserData) -> UserData {
    UserData {
        answers: current
            .answers
            .iter()
            .filter(|(id, answer)| next.answers.get(*id) != Some(*answer))
            .map(|(id, answer)| (id.clone(), answer.clone()))
            .collect(),
        stories: current
            .stories
            .iter()
            .filter(|(id, story)| next.stories.get(*id) != Some(*story))
            .map(|(id, story)| (id.clone(), story.clone()))
            .collect(),
        own: current
            .own
            .iter()
            .filter(|(id, own)| next.own.get(*id) != Some(*own))
            .map(|(id, own)| (id.clone(), own.clone()))
            .collect(),
        schedule: current.schedule.clone(),
        marks: current.marks.clone(),
        settings: current.settings.clone(),
        mocks: current.mocks.clone(),
        interviews: current.interviews.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::records::Answer;

    #[test]
    fn usage_counts_keys_and_values_in_utf16_units_and_follows_rewrites() {
        let mut usage = Usage::default();
        usage.set("opsdrill/a", "hello");
        assert_eq!(usage.total(), 10 + 5);
        usage.set("opsdrill/a", "héllo 🙂");
        assert_eq!(usage.total(), 10 + 8, "é is one unit, the emoji two");
        usage.set("opsdrill/b", "x");
        usage.remove("opsdrill/a");
        usage.remove("opsdrill/missing");
        assert_eq!(usage.total(), 11);
    }

    #[test]
    fn the_banner_starts_at_eighty_percent() {
        let at = LOCAL_STORAGE_BUDGET * 8 / 10;
        assert!(!nearly_full(at - 1));
        assert!(nearly_full(at));
        assert_eq!(describe(LOCAL_STORAGE_BUDGET / 4), "1.2 MB of 5 MB (25%)");
        // The same rounding as `{:.1}` on the float, which it replaces.
        for bytes in [
            0, 1, 104_857, 104_858, 1_310_720, 1_363_149, 1_415_577, 5_242_880, 5_300_000,
            99_999_999,
        ] {
            let float = format!("{:.1}", bytes as f64 / 1_048_576.0);
            assert_eq!(megabytes(bytes), float, "{bytes} bytes");
        }
        assert_eq!(amount(0), "0 KB");
        assert_eq!(amount(1500), "2 KB");
    }

    #[test]
    fn only_what_an_import_changes_is_kept_aside() {
        let answer = |text: &str| Answer {
            text: text.into(),
            ..Answer::default()
        };
        let mut current = UserData::default();
        current.answers.insert("same".into(), answer("Same."));
        current.answers.insert("changed".into(), answer("Mine."));
        current.answers.insert("gone".into(), answer("Only here."));
        current.settings.daily_new_limit = 7;
        let mut next = UserData::default();
        next.answers.insert("same".into(), answer("Same."));
        next.answers.insert("changed".into(), answer("Theirs."));
        next.answers.insert("new".into(), answer("New."));
        let aside = kept_aside(&current, &next);
        let ids: Vec<&str> = aside.answers.keys().map(String::as_str).collect();
        assert_eq!(ids, ["changed", "gone"]);
        assert_eq!(aside.answers["changed"].text, "Mine.");
        assert_eq!(
            aside.settings.daily_new_limit, 7,
            "the small records come along"
        );
    }
}
