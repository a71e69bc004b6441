//! The real bank against its goals: size per category, spread over topics and
//! difficulty, and coverage of every item in the seed topic list.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use opsdrill_bank_compiler::{load_dir, Bank, Category, Difficulty, Style};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bank() -> Bank {
    load_dir(&content_dir()).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("the bank has problems:\n{}", list.join("\n"))
    })
}

fn count(bank: &Bank, category: Category) -> usize {
    bank.in_category(category).count()
}

#[test]
fn bank_meets_its_size_goals() {
    let bank = bank();
    assert!(
        bank.questions.len() >= 150,
        "{} questions",
        bank.questions.len()
    );
    assert!(count(&bank, Category::General) >= 40);
    assert!(count(&bank, Category::Technical) >= 50);
    assert!(count(&bank, Category::Behavioural) >= 25);
    assert!(count(&bank, Category::Ask) >= 15);
    let design = bank
        .questions
        .iter()
        .filter(|q| q.category == Category::Technical && q.style == Style::Design)
        .count();
    assert!(design >= 10, "{design} technical design questions");
}

#[test]
fn every_topic_has_several_questions_and_every_level_is_used() {
    let bank = bank();
    for topic in &bank.topics {
        let n = bank.count_on_topic(&topic.slug);
        assert!(n >= 3, "topic `{}` has only {n} questions", topic.slug);
    }
    // The rubric in FORMAT.md: a question to ask is seldom more than
    // intermediate, and labs are mostly advanced but start somewhere.
    for category in Category::ALL {
        for level in Difficulty::ALL {
            let n = bank
                .in_category(category)
                .filter(|q| q.difficulty == level)
                .count();
            let least = match (category, level) {
                (Category::Ask, Difficulty::Advanced) => 0,
                (Category::Labs, _) => 1,
                _ => 3,
            };
            assert!(n >= least, "{category:?} has {n} {level:?} questions");
        }
    }
}

/// `- 12 (general): id-one, id-two` → item → (category, ids).
fn read_mapping(text: &str) -> BTreeMap<u32, (String, Vec<String>)> {
    let mut items = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("- ") else {
            continue;
        };
        let (head, ids) = rest.split_once(':').expect("`- N (category): ids`");
        let (number, category) = head.split_once(' ').expect("`N (category)`");
        let number: u32 = number.parse().expect("item number");
        let category = category
            .trim()
            .trim_matches(|c| c == '(' || c == ')')
            .to_string();
        let ids = ids
            .split(',')
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .collect();
        assert!(
            items.insert(number, (category, ids)).is_none(),
            "item {number} listed twice"
        );
    }
    items
}

#[test]
fn every_seed_item_is_answered_by_existing_questions_of_its_category() {
    let bank = bank();
    let text =
        std::fs::read_to_string(content_dir().join("seed-coverage.md")).expect("seed-coverage.md");
    let mapping = read_mapping(&text);
    assert_eq!(
        mapping.keys().copied().collect::<Vec<_>>(),
        (1..=23).collect::<Vec<_>>()
    );
    for (item, (category, ids)) in &mapping {
        assert!(!ids.is_empty(), "seed item {item} has no question");
        for id in ids {
            let question = bank
                .questions
                .iter()
                .find(|q| &q.id == id)
                .unwrap_or_else(|| panic!("seed item {item} names `{id}`, which does not exist"));
            assert_eq!(
                question.category.slug(),
                category,
                "seed item {item}: `{id}` is in the wrong category"
            );
        }
    }
}

/// The seed list's headings give each item's category; the mapping must agree.
#[test]
fn mapping_categories_match_the_seed_list() {
    let seed = content_dir().join("../../shared/seed-topics.md");
    let seed = match std::fs::read_to_string(&seed) {
        Ok(text) => text,
        // Outside a checkout with shared/ beside it there is nothing to compare.
        Err(_) => return,
    };
    let text =
        std::fs::read_to_string(content_dir().join("seed-coverage.md")).expect("seed-coverage.md");
    let mapping = read_mapping(&text);
    let mut category = "";
    for line in seed.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            category = match heading {
                h if h.starts_with("General") => "general",
                h if h.starts_with("Behavioural") => "behavioural",
                h if h.starts_with("Technical") => "technical",
                h if h.starts_with("Questions to ask") => "ask",
                _ => "",
            };
            continue;
        }
        let Some((number, _)) = line.split_once(". ") else {
            continue;
        };
        let Ok(number) = number.trim().parse::<u32>() else {
            continue;
        };
        let (mapped, _) = mapping
            .get(&number)
            .unwrap_or_else(|| panic!("seed item {number} is not in the mapping"));
        assert_eq!(mapped, category, "seed item {number}");
    }
}
