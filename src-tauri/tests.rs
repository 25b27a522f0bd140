//! The shell tested without a window: the real context (capabilities included) on Tauri's mock
//! runtime, commands invoked through IPC as the page would; and the TypeScript bindings of the
//! shell's own types checked against the committed files.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};
use ts_rs::TS;

use crate::{
    DraftPreview, EditorOptions, ErrorKind, ErrorLocation, FieldInfo, IpcError, LibraryView,
};

pub(crate) type Mock = tauri::test::MockRuntime;

/// The app on the mock runtime with its main window. An empty user folder, so only the
/// bundled library is read; exports land in one folder. These variables are process-wide:
/// every test sets the same values, so tests running in parallel agree.
pub(crate) fn app() -> (tauri::App<Mock>, WebviewWindow<Mock>) {
    share_the_data_folder();
    std::env::set_var("ROLECRAFT_DATA_DIR", data_dir());
    std::fs::create_dir_all(save_dir()).unwrap();
    std::env::set_var("ROLECRAFT_SAVE_DIR", save_dir());
    let app = crate::app(mock_builder())
        .build(tauri::generate_context!())
        .expect("app builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    (app, webview)
}

/// The tests share one data folder, and the import test saves a bundled id (`cto`) into it
/// for a while. A test that opened the library while `cto.json` was there and read it after
/// it was removed failed with "cannot read" (seen once in a full run). So every test holds
/// this lock for reading from its first `app()` to its end, and a test that puts files of
/// bundled ids there holds it for writing ([`change_the_shared_library`]).
static SHARED_DATA: RwLock<()> = RwLock::new(());

/// Kept in the test's own thread (libtest runs each test in a new one), so it is let go
/// when the test ends, passed or failed.
enum Held {
    Reading(#[allow(dead_code)] RwLockReadGuard<'static, ()>),
    Changing(#[allow(dead_code)] RwLockWriteGuard<'static, ()>),
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

fn share_the_data_folder() {
    HELD.with_borrow_mut(|held| {
        if held.is_none() {
            let guard = SHARED_DATA.read().unwrap_or_else(PoisonError::into_inner);
            *held = Some(Held::Reading(guard));
        }
    });
}

/// For a test that writes roles of bundled ids into the shared data folder: no other test
/// runs with an app until it ends. Call it before the test's first `app()`.
pub(crate) fn change_the_shared_library() {
    HELD.with_borrow_mut(|held| {
        assert!(held.is_none(), "change_the_shared_library before app()");
        let guard = SHARED_DATA.write().unwrap_or_else(PoisonError::into_inner);
        *held = Some(Held::Changing(guard));
    });
}

/// Invokes `cmd` as the page would: through IPC, so the capabilities apply.
pub(crate) fn invoke_on(
    webview: &WebviewWindow<Mock>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json response"))
}

/// `cmd` invoked on a fresh app.
fn invoke(cmd: &str, args: Value) -> Result<Value, Value> {
    let (_app, webview) = app();
    invoke_on(&webview, cmd, args)
}

#[test]
fn list_roles_returns_the_bundled_library() {
    let view = invoke("list_roles", json!({})).expect("list_roles is allowed for the main window");
    let ids: Vec<&str> = view["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "director-of-engineering",
        "vp-of-engineering",
        "cto",
        "vp-of-product",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert_eq!(view["problem"], Value::Null);
}

#[test]
fn list_roles_tells_bundled_roles_from_the_users() {
    let view = invoke("list_roles", json!({})).unwrap();
    let roles = view["roles"].as_array().unwrap();
    let origins = view["origins"].as_object().unwrap();
    assert_eq!(origins.len(), roles.len(), "{origins:?}");
    // Other tests import seeds 000 and 001 into the shared user folder, never VP of Product.
    assert_eq!(origins["vp-of-product"], "bundled");
    assert!(origins.values().all(|o| o == "bundled" || o == "user"));
}

#[test]
fn source_context_shows_the_cto_checkpoint_line_with_its_document_title() {
    let ctx = invoke(
        "source_context",
        json!({ "file": "001_a79071d1db045453.txt", "line": 306, "radius": 1 }),
    )
    .unwrap();
    assert_eq!(ctx["title"], "CTO");
    assert_eq!(ctx["line"], 306);
    assert_eq!(
        ctx["lines"],
        json!([
            {"n": 305, "text": ""},
            {"n": 306, "text": "- Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years."},
            {"n": 307, "text": "- Has led technical due diligence for M&A or fundraising."}
        ])
    );
    let default = invoke(
        "source_context",
        json!({ "file": "001_a79071d1db045453.txt", "line": 306 }),
    )
    .unwrap();
    assert_eq!(default["lines"].as_array().unwrap().len(), 7);
    let err = invoke("source_context", json!({ "file": "nope.txt", "line": 1 })).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
    let err = invoke(
        "source_context",
        json!({ "file": "001_a79071d1db045453.txt", "line": 0 }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "bad_input", "{err}");
}

#[test]
fn section_notes_explain_the_internal_sections() {
    let notes = invoke("section_notes", json!({})).unwrap();
    let page_notes = notes
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["key"] == "page_notes")
        .unwrap();
    assert_eq!(page_notes["internal"], true);
    assert!(page_notes["note"]
        .as_str()
        .unwrap()
        .starts_with("Internal:"));
}

#[test]
fn get_role_returns_the_role_and_an_unknown_id_is_not_found() {
    let role = invoke("get_role", json!({"id": "vp-of-engineering"})).unwrap();
    assert_eq!(role["title"], "VP of Engineering");
    let err = invoke("get_role", json!({"id": "nope"})).unwrap_err();
    assert_eq!(err["kind"], "not_found");
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
}

#[test]
fn compare_roles_aligns_the_chosen_roles() {
    let ids = ["director-of-engineering", "vp-of-engineering", "cto"];
    let cmp = invoke("compare_roles", json!({ "ids": ids })).unwrap();
    assert_eq!(cmp["roles"], json!(ids));
    let scope = cmp["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "scope_of_knowledge")
        .unwrap();
    let changed = scope["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["cells"][0]["text"] == "Manages managers and ICs.");
    let row = changed.expect("the Director's \"Manages managers and ICs.\" row");
    assert_eq!(row["cells"][1]["status"], "changed");
    assert_eq!(row["cells"][1]["text"], "Manages managers and directors.");

    // A summary on top, every row flagged, internal sections left out unless asked for.
    assert_eq!(cmp["summary"]["sections"][0]["key"], "checkpoints");
    assert!(cmp["sections"][0]["rows"][0]["all_same"].is_boolean());
    let keys = |c: &Value| -> Vec<String> {
        c["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["key"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!keys(&cmp).contains(&"page_notes".to_string()));
    assert_eq!(cmp["omitted"].as_array().unwrap().len(), 2);
    let all = invoke(
        "compare_roles",
        json!({ "ids": ids, "includeInternal": true }),
    )
    .unwrap();
    assert!(keys(&all).contains(&"page_notes".to_string()));
    assert_eq!(all["omitted"], json!([]));

    let err = invoke("compare_roles", json!({ "ids": ["cto"] })).unwrap_err();
    assert_eq!(err["kind"], "bad_input", "{err}");
}

#[test]
fn export_comparison_writes_the_chosen_format_atomically() {
    let dir = save_dir();
    let ids = ["director-of-engineering", "vp-of-engineering"];
    let path = invoke("export_comparison", json!({ "ids": ids, "format": "md" })).unwrap();
    let path = PathBuf::from(path.as_str().unwrap());
    assert_eq!(
        path,
        dir.join("director-of-engineering-vs-vp-of-engineering.md")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("Director of Engineering") && text.contains("VP of Engineering"),
        "{text}"
    );
    let html = invoke("export_comparison", json!({ "ids": ids, "format": "html" })).unwrap();
    assert!(std::fs::read_to_string(html.as_str().unwrap())
        .unwrap()
        .starts_with("<!"));
}

fn save_dir() -> PathBuf {
    data_dir().join("exports")
}

pub(crate) fn data_dir() -> PathBuf {
    std::env::temp_dir().join(format!("rolecraft-app-test-{}", std::process::id()))
}

#[test]
fn a_draft_is_created_previewed_saved_listed_duplicated_exported_and_deleted() {
    let draft = invoke(
        "create_draft",
        json!({ "roleId": "vp-of-engineering", "template": null }),
    )
    .unwrap();
    let id = draft["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("vp-of-engineering-"), "{id}");
    assert_eq!(draft["template"], "full");

    let mut edited = draft.clone();
    edited["posting"]["company"] = json!("Acme <script>alert(1)</script>");
    let saved = invoke("save_draft", json!({ "draft": edited })).unwrap();
    assert!(saved["updated_at"].is_string());
    let reopened = invoke("open_draft", json!({ "id": id })).unwrap();
    assert_eq!(
        reopened["posting"]["company"],
        "Acme <script>alert(1)</script>"
    );

    let preview = invoke("preview_draft", json!({ "draft": reopened })).unwrap();
    let html = preview["html"].as_str().unwrap();
    assert!(
        html.contains("VP of Engineering") && html.contains("Acme"),
        "{html}"
    );
    assert!(
        !html.contains("<script>alert"),
        "the preview must not carry a script: {html}"
    );
    assert!(!preview["unset_fields"]
        .as_array()
        .unwrap()
        .contains(&json!("company")));
    assert!(preview["outline"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["key"] == "responsibilities"));

    let listed = invoke("list_drafts", json!({})).unwrap();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["id"] == id.as_str()));
    let copy = invoke("duplicate_draft", json!({ "id": id })).unwrap();
    assert_ne!(copy["id"], id.as_str());

    let path = invoke("export_draft", json!({ "draft": reopened, "format": "md" })).unwrap();
    let md = std::fs::read_to_string(path.as_str().unwrap()).unwrap();
    assert!(
        md.contains("VP of Engineering") && md.contains("Acme"),
        "{md}"
    );

    for d in [id.as_str(), copy["id"].as_str().unwrap()] {
        invoke("delete_draft", json!({ "id": d })).unwrap();
    }
    let err = invoke("open_draft", json!({ "id": id })).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
}

#[test]
fn draft_items_are_switched_and_edited_by_the_core_rules() {
    let draft = serde_json::to_value(rolecraft_core::drafts::Draft::new(
        "x",
        "vp-of-engineering",
        "full",
    ))
    .unwrap();
    let at = |d: Value, on: bool| json!({"draft": d, "section": "responsibilities", "index": 1, "on": on});
    let off = invoke("switch_draft_item", at(draft.clone(), false)).unwrap();
    assert_eq!(
        off["items_off"],
        json!([{"section": "responsibilities", "index": 1}])
    );
    let on = invoke("switch_draft_item", at(off, true)).unwrap();
    assert_eq!(on["items_off"], json!([]));

    let edit = |d: Value, text: Value| {
        invoke(
            "edit_draft_item",
            json!({"draft": d, "section": "responsibilities", "index": 0, "text": text}),
        )
    };
    let edited = edit(draft.clone(), json!("Sets the whole strategy.")).unwrap();
    let want =
        json!([{"section": "responsibilities", "index": 0, "text": "Sets the whole strategy."}]);
    assert_eq!(edited["item_edits"], want);
    for back in [json!("  "), Value::Null] {
        assert_eq!(edit(edited.clone(), back).unwrap()["item_edits"], json!([]));
    }
    let library_text = invoke("get_role", json!({"id": "vp-of-engineering"})).unwrap()["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "responsibilities")
        .unwrap()["items"][0]["text"]
        .clone();
    assert_eq!(edit(edited, library_text).unwrap()["item_edits"], json!([]));
    let err = invoke(
        "edit_draft_item",
        json!({"draft": draft, "section": "nope", "index": 0, "text": "x"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "bad_input", "{err}");
}

#[test]
fn draft_sections_are_switched_and_moved_by_the_core_rules() {
    let draft = serde_json::to_value(rolecraft_core::drafts::Draft::new(
        "x",
        "vp-of-engineering",
        "job-board",
    ))
    .unwrap();
    // The template's default sections are where a first switch starts from.
    let defaults = invoke("preview_draft", json!({ "draft": draft })).unwrap()["outline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["chosen"] == true)
        .map(|s| s["key"].as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    assert!(defaults.len() >= 2, "{defaults:?}");
    let off = invoke(
        "switch_draft_section",
        json!({"draft": draft, "section": defaults[0], "on": false}),
    )
    .unwrap();
    assert_eq!(off["sections"], json!(defaults[1..]));
    let on = invoke(
        "switch_draft_section",
        json!({"draft": off, "section": defaults[0], "on": true}),
    )
    .unwrap();
    let moved = invoke(
        "move_draft_section",
        json!({"draft": on, "section": defaults[0], "by": -1}),
    )
    .unwrap();
    let mut want = defaults[1..].to_vec();
    want.insert(want.len() - 1, defaults[0].clone());
    assert_eq!(moved["sections"], json!(want));
    let err = invoke(
        "move_draft_section",
        json!({"draft": moved, "section": "nope", "by": 1}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "bad_input", "{err}");
}

#[test]
fn a_broken_user_template_is_reported_with_its_name_line_and_column() {
    let dir = data_dir().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("broken.hbs"),
        "# {{role.title}}\n\n{{#if posting.company}}\nAt {{posting.company}}\n",
    )
    .unwrap();
    let options = invoke("editor_options", json!({})).unwrap();
    let names: Vec<&str> = options["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"full") && names.contains(&"broken"),
        "{names:?}"
    );
    assert!(options["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["field"] == "company" && f["label"] == "Company"));

    let mut draft = invoke(
        "create_draft",
        json!({ "roleId": "cto", "template": "broken" }),
    )
    .unwrap();
    draft["template"] = json!("broken");
    let preview = invoke("preview_draft", json!({ "draft": draft })).unwrap();
    assert_eq!(preview["html"], Value::Null);
    let error = &preview["error"];
    assert_eq!(error["kind"], "template", "{error}");
    assert_eq!(error["location"]["template"], "broken", "{error}");
    assert!(error["location"]["line"].is_u64(), "{error}");
    invoke("delete_draft", json!({ "id": draft["id"] })).unwrap();
    std::fs::remove_file(dir.join("broken.hbs")).unwrap();
}

#[test]
fn a_command_the_app_does_not_have_is_refused() {
    let err = invoke("plugin:fs|read_text_file", json!({"path": "/etc/passwd"})).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}

/// The page's Content-Security-Policy stays strict: its own files and IPC only (no remote
/// origin, no `unsafe-eval`, no inline script), no plugins, frames only from itself.
#[test]
fn the_csp_allows_only_the_apps_own_files_and_ipc() {
    let conf: Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string");
    let directives: Vec<Vec<&str>> = csp
        .split(';')
        .map(|d| d.split_whitespace().collect())
        .filter(|d: &Vec<&str>| !d.is_empty())
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|d| d[0] == name)
            .map(|d| d[1..].to_vec())
    };
    assert_eq!(sources("default-src"), Some(vec!["'self'"]), "{csp}");
    assert_eq!(sources("script-src"), Some(vec!["'self'"]), "{csp}");
    assert_eq!(sources("object-src"), Some(vec!["'none'"]), "{csp}");
    assert_eq!(sources("base-uri"), Some(vec!["'none'"]), "{csp}");
    for d in &directives {
        for source in &d[1..] {
            let remote = source.contains("://") || source.starts_with("http") || *source == "*";
            assert!(
                !remote || *source == "http://ipc.localhost",
                "{source} in {} lets the page reach another origin",
                d[0]
            );
            assert_ne!(*source, "'unsafe-eval'", "{csp}");
            assert!(
                d[0] != "script-src" || *source == "'self'",
                "scripts only from the app: {csp}"
            );
        }
    }
}

/// The shell's types exported to TypeScript must match `ui/src/lib/bindings/`
/// (`UPDATE_BINDINGS=1 cargo test -p rolecraft-app bindings` rewrites them).
#[test]
fn bindings_match_the_committed_files() {
    let cfg = ts_rs::Config::new();
    let exports = [
        ("IpcError", IpcError::export_to_string(&cfg)),
        ("ErrorKind", ErrorKind::export_to_string(&cfg)),
        ("LibraryView", LibraryView::export_to_string(&cfg)),
        ("ErrorLocation", ErrorLocation::export_to_string(&cfg)),
        ("DraftPreview", DraftPreview::export_to_string(&cfg)),
        ("EditorOptions", EditorOptions::export_to_string(&cfg)),
        ("FieldInfo", FieldInfo::export_to_string(&cfg)),
    ];
    check_bindings(exports, "bindings");
}

/// Each `(name, TypeScript)` must equal `ui/src/lib/bindings/<name>.ts`; with
/// `UPDATE_BINDINGS=1` the files are rewritten instead. `filter` is the test filter that the
/// failure message suggests for rewriting them.
pub(crate) fn check_bindings<E: std::fmt::Debug>(
    exports: impl IntoIterator<Item = (&'static str, Result<String, E>)>,
    filter: &str,
) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    let mut drifted = Vec::new();
    for (name, text) in exports {
        let text = text.expect("exportable");
        let path = dir.join(format!("{name}.ts"));
        if std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            drifted.push(path.display().to_string());
        }
    }
    assert!(
        drifted.is_empty(),
        "TypeScript bindings differ from the Rust types: {drifted:?}\n\
         run `UPDATE_BINDINGS=1 cargo test -p rolecraft-app {filter}` and commit the result"
    );
}

/// The ids `list_roles` shows now.
fn listed(webview: &WebviewWindow<Mock>) -> Vec<String> {
    let view = invoke_on(webview, "list_roles", json!({})).unwrap();
    view["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn roles_created_deleted_and_restored_show_at_once() {
    // The commands read back only the files they wrote (`AppState::reread_roles`): the list
    // must still show each change as soon as the command returns.
    let (_app, webview) = app();
    let id = format!("reread-check-{}", std::process::id());
    let created = invoke_on(
        &webview,
        "new_role",
        json!({ "title": id.replace('-', " "), "from": "cto" }),
    )
    .unwrap();
    assert_eq!(created["role"]["id"], id.as_str());
    assert!(listed(&webview).contains(&id));

    let hash = created["hash"].as_str().unwrap();
    invoke_on(
        &webview,
        "delete_role",
        json!({ "id": id, "baseHash": hash }),
    )
    .unwrap();
    assert!(!listed(&webview).contains(&id));

    invoke_on(&webview, "restore_role", json!({ "id": id })).unwrap();
    assert!(listed(&webview).contains(&id));
    let restored = invoke_on(&webview, "get_role", json!({ "id": id })).unwrap();
    assert_eq!(restored["id"], id.as_str());
}

#[test]
fn checks_follow_the_users_checks_json_as_it_changes() {
    let (_app, webview) = app();
    let config = data_dir().join("checks.json");
    let mut draft = invoke_on(
        &webview,
        "create_draft",
        json!({ "roleId": "cto", "template": "full" }),
    )
    .unwrap();
    draft["posting"]["about_company"] = json!("We build zorblattic robots for warehouses.");
    let flagged = |webview: &WebviewWindow<Mock>| -> Result<bool, Value> {
        let report = invoke_on(webview, "check_draft", json!({ "draft": draft }))?;
        Ok(report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "spelling" && f["text"] == "zorblattic"))
    };
    assert_eq!(flagged(&webview), Ok(true), "an unknown word is misspelt");

    // The word added to the user's dictionary: the next check knows it.
    std::fs::write(&config, r#"{"dictionary": ["zorblattic"]}"#).unwrap();
    assert_eq!(flagged(&webview), Ok(false));

    // A broken file is an error naming it, and nothing is checked against half a config.
    std::fs::write(&config, r#"{"dictionary": ["zorblattic"], "max_wrods": 5}"#).unwrap();
    let err = flagged(&webview).expect_err("a misspelt key is an error");
    assert_eq!(err["kind"], "bad_input", "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("checks.json") && message.contains("max_wrods"),
        "{message}"
    );

    std::fs::remove_file(&config).unwrap();
    assert_eq!(
        flagged(&webview),
        Ok(true),
        "without the file, the defaults again"
    );
}
