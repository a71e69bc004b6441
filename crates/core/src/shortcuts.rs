//! Desktop keyboard shortcuts: which key does what. Pure; the listener that
//! acts on them is `components::shortcuts`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    FocusSearch,
    NextQuestion,
    PreviousQuestion,
    RevealAnswer,
    ShowHelp,
    CloseHelp,
}

/// The shortcut for a key press, if any. Nothing fires while typing or with
/// Ctrl, Alt or Meta held (those belong to the browser). Keys 1-4 (rating)
/// are handled by the rating buttons themselves.
pub fn shortcut_for(key: &str, typing: bool, modifier: bool) -> Option<Shortcut> {
    if modifier {
        return None;
    }
    if key == "Escape" {
        return Some(Shortcut::CloseHelp);
    }
    if typing {
        return None;
    }
    match key {
        "/" => Some(Shortcut::FocusSearch),
        "j" => Some(Shortcut::NextQuestion),
        "k" => Some(Shortcut::PreviousQuestion),
        " " => Some(Shortcut::RevealAnswer),
        "?" => Some(Shortcut::ShowHelp),
        _ => None,
    }
}

/// The list "?" shows.
pub const HELP: [(&str, &str); 7] = [
    ("/", "Search questions"),
    ("j", "Next question"),
    ("k", "Previous question"),
    ("Space", "Show the model answer"),
    ("1 2 3 4", "Rate: Again, Hard, Good, Easy"),
    ("?", "Show these shortcuts"),
    ("Esc", "Close this list"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts() {
        assert_eq!(shortcut_for("/", false, false), Some(Shortcut::FocusSearch));
        assert_eq!(
            shortcut_for("j", false, false),
            Some(Shortcut::NextQuestion)
        );
        assert_eq!(
            shortcut_for("k", false, false),
            Some(Shortcut::PreviousQuestion)
        );
        assert_eq!(
            shortcut_for(" ", false, false),
            Some(Shortcut::RevealAnswer)
        );
        assert_eq!(shortcut_for("?", false, false), Some(Shortcut::ShowHelp));
        assert_eq!(shortcut_for("x", false, false), None);
    }

    #[test]
    fn typing_and_modifiers_win() {
        assert_eq!(
            shortcut_for("j", true, false),
            None,
            "j is a letter while typing"
        );
        assert_eq!(
            shortcut_for("/", false, true),
            None,
            "Ctrl+/ is the browser's"
        );
        assert_eq!(
            shortcut_for("Escape", true, false),
            Some(Shortcut::CloseHelp)
        );
    }
}
