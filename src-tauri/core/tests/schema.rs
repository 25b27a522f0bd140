//! The role file's JSON Schema is generated from the Rust types; the committed copy in
//! schema/ must match (UPDATE_SCHEMA=1 rewrites it). Every bundled role validates against it.

use std::path::Path;

use rolecraft_core::model::Role;

fn schema_text() -> String {
    let schema = schemars::schema_for!(Role);
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn committed_schema_matches_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/role.schema.json");
    let fresh = schema_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "schema/role.schema.json drifted from the Role type: rerun with UPDATE_SCHEMA=1"
    );
}

#[test]
fn the_schema_describes_the_fields_a_role_file_has() {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for field in [
        "id", "title", "track", "level", "facts", "sections", "skills", "sources",
    ] {
        assert!(props.contains_key(field), "{field} missing");
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"id") && required.contains(&"title"));
}
