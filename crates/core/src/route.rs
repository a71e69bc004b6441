//! Hash routes (`#/q/<id>`), so every page has a URL that works from a plain
//! static file server with no rewrite rules. Parsing is pure and tested; the
//! browser glue lives in the app's `web::browser`.

use crate::bank::Category;
use crate::search::ListQuery;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Questions(ListQuery),
    Question {
        id: String,
        list: ListQuery,
    },
    Practice,
    /// A timed mock interview (setup, questions, summary, history).
    Mock,
    /// Hands-free practice: questions read aloud.
    Commute,
    /// The user's STAR stories, or one of them (`#/stories/<id>`).
    Stories(Option<String>),
    Progress,
    Settings,
    /// Writing a new own question (`#/questions/new`).
    AddQuestion,
    /// Editing an own question (`#/q/<id>/edit`).
    EditQuestion(String),
    /// Right after an interview: the questions asked, one line each.
    Asked,
    /// Showing the user's data as a loop of QR codes for another device.
    Send,
    /// Reading another device's codes with the camera.
    Receive,
    NotFound(String),
}

/// The top-level section a route belongs to, for the navigation's
/// `aria-current`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Practice,
    Questions,
    Stories,
    Progress,
    Settings,
    None,
}

impl Route {
    /// A question on its own, outside any filtered list (`#/q/<id>`).
    pub fn question(id: &str) -> Route {
        Route::Question {
            id: id.to_string(),
            list: ListQuery::default(),
        }
    }

    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["questions"] => Route::Questions(parse_list_query(query)),
            ["questions", "new"] => Route::AddQuestion,
            ["q", id, "edit"] => Route::EditQuestion(decode(id)),
            ["asked"] => Route::Asked,
            ["q", id] => Route::Question {
                id: decode(id),
                list: parse_list_query(query),
            },
            ["practice"] => Route::Practice,
            ["mock"] => Route::Mock,
            ["commute"] => Route::Commute,
            ["stories"] => Route::Stories(None),
            ["stories", id] => Route::Stories(Some(decode(id))),
            ["progress"] => Route::Progress,
            ["settings"] => Route::Settings,
            ["send"] => Route::Send,
            ["receive"] => Route::Receive,
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The `href` of this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Questions(list) => format!("#/questions{}", list_query_string(list)),
            Route::Question { id, list } => {
                format!("#/q/{}{}", encode(id), list_query_string(list))
            }
            Route::Practice => "#/practice".into(),
            Route::Mock => "#/mock".into(),
            Route::Commute => "#/commute".into(),
            Route::Stories(None) => "#/stories".into(),
            Route::Stories(Some(id)) => format!("#/stories/{}", encode(id)),
            Route::Progress => "#/progress".into(),
            Route::Settings => "#/settings".into(),
            Route::AddQuestion => "#/questions/new".into(),
            Route::EditQuestion(id) => format!("#/q/{}/edit", encode(id)),
            Route::Asked => "#/asked".into(),
            Route::Send => "#/send".into(),
            Route::Receive => "#/receive".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    pub fn section(&self) -> Section {
        match self {
            Route::Home => Section::Home,
            Route::Questions(_)
            | Route::Question { .. }
            | Route::AddQuestion
            | Route::EditQuestion(_) => Section::Questions,
            Route::Practice | Route::Mock | Route::Commute | Route::Asked => Section::Practice,
            Route::Stories(_) => Section::Stories,
            Route::Progress => Section::Progress,
            Route::Settings | Route::Send | Route::Receive => Section::Settings,
            Route::NotFound(_) => Section::None,
        }
    }
}

fn parse_list_query(query: &str) -> ListQuery {
    let mut list = ListQuery::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "category" => list.category = Category::from_slug(&value),
            "topic" if !value.is_empty() => list.topic = Some(value),
            "q" => list.text = value,
            "bookmarked" => list.bookmarked = value == "1",
            "mine" => list.mine = value == "1",
            _ => {}
        }
    }
    list
}

fn list_query_string(list: &ListQuery) -> String {
    let mut parts = Vec::new();
    if let Some(category) = list.category {
        parts.push(format!("category={}", category.slug()));
    }
    if let Some(topic) = &list.topic {
        parts.push(format!("topic={}", encode(topic)));
    }
    if !list.text.is_empty() {
        parts.push(format!("q={}", encode(&list.text)));
    }
    if list.bookmarked {
        parts.push("bookmarked=1".into());
    }
    if list.mine {
        parts.push("mine=1".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes stay as typed.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(value) => {
                        out.push(value);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_root_hashes_are_home() {
        for hash in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn pages_parse() {
        assert_eq!(Route::parse("#/practice"), Route::Practice);
        assert_eq!(Route::parse("#/progress"), Route::Progress);
        assert_eq!(Route::parse("#/settings/"), Route::Settings);
        assert_eq!(
            Route::parse("#/nowhere/at/all"),
            Route::NotFound("/nowhere/at/all".into())
        );
    }

    #[test]
    fn question_routes_carry_their_list() {
        let route = Route::parse("#/q/alert-fatigue?category=general&q=on%20call");
        assert_eq!(
            route,
            Route::Question {
                id: "alert-fatigue".into(),
                list: ListQuery {
                    category: Some(Category::General),
                    topic: None,
                    text: "on call".into(),
                    bookmarked: false,
                    mine: false,
                },
            }
        );
    }

    #[test]
    fn unknown_filters_are_ignored() {
        assert_eq!(
            Route::parse("#/questions?category=cooking&colour=red"),
            Route::Questions(ListQuery::default())
        );
    }

    #[test]
    fn href_round_trips() {
        let routes = [
            Route::Home,
            Route::Practice,
            Route::Mock,
            Route::Commute,
            Route::Stories(None),
            Route::Stories(Some("1790000000000-004217".into())),
            Route::Questions(ListQuery {
                category: Some(Category::Ask),
                topic: Some("team".into()),
                text: "on-call & pay? 100% «yes»".into(),
                bookmarked: true,
                mine: true,
            }),
            Route::AddQuestion,
            Route::EditQuestion("mine-split-state".into()),
            Route::Asked,
            Route::Send,
            Route::Receive,
            Route::Question {
                id: "k8s-probes".into(),
                list: ListQuery::default(),
            },
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn a_question_alone_has_no_list_query() {
        assert_eq!(Route::question("k8s-probes").href(), "#/q/k8s-probes");
    }

    #[test]
    fn decode_survives_malformed_input() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b%2Bc"), "a b+c");
        assert_eq!(decode("%C3%A9"), "é");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
