//! What an editor says about the record it edits.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing written yet, and nothing to say.
    Nothing,
    /// Storage cannot be used: the text lives in this tab only.
    InThisTabOnly,
    /// The last write failed; it is retried.
    NotSaved,
    /// Changed, and about to be written.
    Saving,
    Saved,
}

impl SaveStatus {
    /// `ever_saved`: the record has been written at some time.
    pub fn of(blocked: bool, unsaved: bool, failed: bool, ever_saved: bool) -> SaveStatus {
        if blocked {
            SaveStatus::InThisTabOnly
        } else if unsaved && failed {
            SaveStatus::NotSaved
        } else if unsaved {
            SaveStatus::Saving
        } else if ever_saved {
            SaveStatus::Saved
        } else {
            SaveStatus::Nothing
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SaveStatus::Nothing => "",
            SaveStatus::InThisTabOnly => "Kept in this tab only",
            SaveStatus::NotSaved => "Not saved",
            SaveStatus::Saving => "Saving…",
            SaveStatus::Saved => "Saved",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SaveStatus;

    #[test]
    fn blocked_storage_wins_and_failures_show_until_written() {
        assert_eq!(
            SaveStatus::of(true, true, true, true),
            SaveStatus::InThisTabOnly
        );
        assert_eq!(
            SaveStatus::of(false, true, true, true),
            SaveStatus::NotSaved
        );
        assert_eq!(
            SaveStatus::of(false, true, false, false),
            SaveStatus::Saving
        );
        assert_eq!(SaveStatus::of(false, false, true, true), SaveStatus::Saved);
        assert_eq!(SaveStatus::of(false, false, false, false).label(), "");
    }
}
