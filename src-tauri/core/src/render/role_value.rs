//! The role as templates see it: its JSON with every field the file may omit filled in, so
//! Handlebars strict mode can tell a misspelt field from an empty one.

use serde_json::{Map, Value};

use crate::model::Role;

/// The role as JSON with the fields its file may omit filled in (`[]`, `{}`, `null`).
pub fn role_value(role: &Role) -> Value {
    // A Role is strings, numbers and string-keyed maps: serialising cannot fail.
    let mut value = serde_json::to_value(role).unwrap_or_default();
    if let Value::Object(obj) = &mut value {
        fill(
            obj,
            &[
                ("fact_sources", Value::Object(Map::new())),
                ("skills", empty()),
                ("context", empty()),
            ],
        );
        for key in ["sections", "context"] {
            for section in array_mut(obj, key) {
                fill(section, &[("table_headers", empty())]);
                for item_key in ["items", "table_headers"] {
                    for item in array_mut(section, item_key) {
                        fill_item(item);
                    }
                }
            }
        }
        for skill in array_mut(obj, "skills") {
            fill(
                skill,
                &[
                    ("subcategory", Value::Null),
                    ("description", empty()),
                    ("reference", Value::Null),
                ],
            );
            for item_key in ["attainment", "description"] {
                for item in array_mut(skill, item_key) {
                    fill_item(item);
                }
            }
        }
    }
    value
}

fn empty() -> Value {
    Value::Array(Vec::new())
}

fn fill(obj: &mut Map<String, Value>, defaults: &[(&str, Value)]) {
    for (key, value) in defaults {
        obj.entry(*key).or_insert_with(|| value.clone());
    }
}

fn fill_item(item: &mut Map<String, Value>) {
    fill(item, &[("links", empty()), ("origin", Value::Null)]);
}

fn array_mut<'a>(
    obj: &'a mut Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a mut Map<String, Value>> {
    obj.get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flat_map(|a| a.iter_mut())
        .filter_map(Value::as_object_mut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Skill, SourceRef};
    use crate::testing::{item, section, vp};

    #[test]
    fn the_role_value_has_every_optional_field_the_schema_names() {
        let mut role = vp();
        role.skills.push(Skill {
            code: "PROD".into(),
            name: "Product management".into(),
            level: Some(7),
            category: None,
            subcategory: None,
            attainment: vec![item("x", None)],
            description: vec![],
            reference: None,
            source: SourceRef {
                file: "a".into(),
                line: 1,
            },
        });
        role.context.push(section("framework", "Framework", &["y"]));
        let value = role_value(&role);
        let schema = serde_json::to_value(schemars::schema_for!(Role)).unwrap();
        let defs = schema["$defs"].as_object().unwrap();
        let props = |def: &Value| {
            def["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        let check = |obj: &Value, def: &Value, what: &str| {
            for key in props(def) {
                assert!(obj.get(&key).is_some(), "{what} lacks {key}: {obj}");
            }
        };
        check(&value, &schema, "role");
        check(&value["sections"][0], &defs["Section"], "section");
        check(&value["sections"][0]["items"][0], &defs["Item"], "item");
        check(&value["skills"][0], &defs["Skill"], "skill");
        check(
            &value["skills"][0]["attainment"][0],
            &defs["Item"],
            "attainment item",
        );
        check(&value["context"][0], &defs["Section"], "context section");
        // And it still reads back as the same role.
        assert_eq!(serde_json::from_value::<Role>(value).unwrap(), role);
    }
}
