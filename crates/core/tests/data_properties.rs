//! Property tests: decoding whatever is in storage or in a backup file never
//! panics, and valid records survive an encode/decode round trip.

use proptest::prelude::*;
use serde_json::Value;

use opsdrill_core::data::codec::{
    decode_answer, decode_marks, decode_mocks, decode_schedule, decode_settings, decode_story,
    encode,
};
use opsdrill_core::data::{backup, Answer, StarText};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("version"),
            Just("text"),
            Just("star"),
            Just("cards"),
            Just("reviews"),
            Just("rating")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("version".to_string()),
                    Just("text".to_string()),
                    Just("star".to_string()),
                    Just("cards".to_string()),
                    Just("reviews".to_string()),
                    Just("ticks".to_string()),
                    Just("bookmarks".to_string()),
                    Just("daily_new_limit".to_string()),
                    Just("app".to_string()),
                    Just("schema_version".to_string()),
                    Just("answers".to_string()),
                    "[a-z_]{1,10}",
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn decode_everything(raw: &str) {
    let _ = decode_answer(raw);
    let _ = decode_schedule(raw);
    let _ = decode_marks(raw);
    let _ = decode_settings(raw);
    let _ = decode_story(raw);
    let _ = decode_mocks(raw);
    let _ = backup::parse(raw.as_bytes());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = backup::parse(&bytes);
        decode_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        decode_everything(&value.to_string());
        // The same value inside a backup's envelope.
        let file = serde_json::json!({
            "app": "opsdrill", "schema_version": 1,
            "answers": {"q": value.clone()}, "schedule": value.clone(),
            "marks": value.clone(), "settings": value.clone(),
            "stories": {"s": value.clone()}, "mocks": value,
        });
        let _ = backup::parse(file.to_string().as_bytes());
    }

    #[test]
    fn answers_round_trip(text in ".{0,200}", situation in ".{0,50}", result in ".{0,50}", at in any::<i64>()) {
        let answer = Answer {
            text,
            star: StarText { situation, result, ..StarText::default() },
            updated_ms: at,
            ..Answer::default()
        };
        prop_assert_eq!(decode_answer(&encode(&answer)), Ok(answer));
    }
}
