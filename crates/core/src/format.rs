//! Small wording helpers for the views.

/// "1 rating", "3 ratings".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn singular_and_plural() {
        assert_eq!(super::count(1, "rating", "ratings"), "1 rating");
        assert_eq!(super::count(0, "rating", "ratings"), "0 ratings");
        assert_eq!(super::count(12, "day", "days"), "12 days");
    }
}
