//! The one list of commands (`command_list.rs`) checked against everything else that names a
//! command: the `#[tauri::command]` functions, the capability, `api.ts`, and the typed command
//! map `ui/src/lib/bindings/commands.ts`, generated here from the functions' signatures
//! (`UPDATE_BINDINGS=1 cargo test -p rolecraft-app commands` rewrites it). The handler list and
//! build.rs's permissions are expanded from the list itself, so they cannot drift.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use syn::{FnArg, GenericArgument, Item, PathArguments, ReturnType, Type};

use crate::COMMANDS;

/// The list as `(module, command)` pairs.
macro_rules! command_paths {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$((stringify!($module), stringify!($command))),*]
    };
}
const PATHS: &[(&str, &str)] = app_commands!(command_paths);

/// Parameters Tauri fills in itself: not sent by the page.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

fn shell_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src-tauri")
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_command(f: &syn::ItemFn) -> bool {
    f.attrs.iter().any(|a| {
        let segs: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segs == ["tauri", "command"] || segs == ["command"]
    })
}

/// Every `#[tauri::command]` function of the shell's files, as `module::name`.
fn command_fns() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(shell_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension() != Some("rs".as_ref()) {
            continue;
        }
        let module = path.file_stem().unwrap().to_string_lossy().to_string();
        for item in parse(&path).items {
            if let Item::Fn(f) = item {
                if is_command(&f) {
                    found.insert(format!("{module}::{}", f.sig.ident));
                }
            }
        }
    }
    found
}

fn find_fn(module: &str, name: &str) -> syn::ItemFn {
    let path = shell_dir().join(format!("{module}.rs"));
    parse(&path)
        .items
        .into_iter()
        .find_map(|item| match item {
            Item::Fn(f) if f.sig.ident == name && is_command(&f) => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no #[tauri::command] fn {name} in {}", path.display()))
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript of a Rust type as serde sends it; named types come from the bindings.
fn ts(ty: &Type, names: &mut BTreeSet<String>) -> String {
    match ty {
        Type::Tuple(t) if t.elems.is_empty() => "null".into(),
        Type::Reference(r) => ts(&r.elem, names),
        Type::Path(p) => {
            let seg = p.path.segments.last().expect("a type name");
            let args: Vec<&Type> = match &seg.arguments {
                PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let name = seg.ident.to_string();
            match (name.as_str(), args.as_slice()) {
                ("String" | "str" | "PathBuf", []) => "string".into(),
                ("bool", []) => "boolean".into(),
                ("u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "f32" | "f64" | "usize", []) => {
                    "number".into()
                }
                ("Option", [t]) => format!("{} | null", ts(t, names)),
                ("Vec", [t]) => {
                    let inner = ts(t, names);
                    if inner.contains(' ') {
                        format!("({inner})[]")
                    } else {
                        format!("{inner}[]")
                    }
                }
                ("Result", [t, ..]) => ts(t, names),
                ("Channel", [t]) => {
                    names.insert("Channel".into());
                    format!("Channel<{}>", ts(t, names))
                }
                (_, []) => {
                    names.insert(name.clone());
                    name
                }
                _ => panic!("no TypeScript for {name}<..>: extend `ts` in command_map.rs"),
            }
        }
        _ => panic!("no TypeScript for this parameter type: extend `ts` in command_map.rs"),
    }
}

/// `ui/src/lib/bindings/commands.ts`: each command's arguments (camelCase, as Tauri takes them)
/// and result.
fn command_map() -> String {
    let mut names = BTreeSet::new();
    let mut entries = String::new();
    for (module, name) in PATHS {
        let f = find_fn(module, name);
        let mut args = Vec::new();
        for input in &f.sig.inputs {
            let FnArg::Typed(arg) = input else { continue };
            let injected = match &*arg.ty {
                Type::Path(p) => p
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str())),
                _ => false,
            };
            if injected {
                continue;
            }
            let syn::Pat::Ident(id) = &*arg.pat else {
                panic!("{module}::{name}: a parameter without a plain name");
            };
            let ident = id.ident.to_string();
            let ident = ident.trim_start_matches("r#");
            args.push(format!("{}: {}", camel(ident), ts(&arg.ty, &mut names)));
        }
        let result = match &f.sig.output {
            ReturnType::Default => "null".to_string(),
            ReturnType::Type(_, ty) => ts(ty, &mut names),
        };
        let args = if args.is_empty() {
            "undefined".to_string()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        entries.push_str(&format!(
            "  {name}: {{ args: {args}; result: {result} }};\n"
        ));
    }
    let mut out = String::from(
        "// Generated from the shell's command functions (src-tauri/command_list.rs) by\n\
         // `UPDATE_BINDINGS=1 cargo test -p rolecraft-app commands`. Do not edit.\n",
    );
    if names.remove("Channel") {
        out.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
    }
    for n in &names {
        out.push_str(&format!("import type {{ {n} }} from './{n}';\n"));
    }
    out.push_str("\n/** Every command the page may invoke: its arguments and its result. */\n");
    out.push_str("export interface Commands {\n");
    out.push_str(&entries);
    out.push_str("}\n");
    out
}

#[test]
fn commands_in_the_list_are_exactly_the_command_functions() {
    let listed: BTreeSet<String> = PATHS.iter().map(|(m, c)| format!("{m}::{c}")).collect();
    assert_eq!(listed.len(), PATHS.len(), "a command is listed twice");
    let found = command_fns();
    let unlisted: Vec<_> = found.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&found).collect();
    assert!(
        unlisted.is_empty(),
        "#[tauri::command] fns not in src-tauri/command_list.rs: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "listed in src-tauri/command_list.rs but no #[tauri::command] fn: {missing:?}"
    );
}

/// The main window is granted the app's own commands (each one of the list) and event
/// listening for drag and drop: no plugin's fs, shell, dialog, clipboard or wildcard permission.
#[test]
fn commands_are_exactly_the_ones_the_capability_grants() {
    let cap: Value =
        serde_json::from_str(include_str!("capabilities/main.json")).expect("capability JSON");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<&str> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission names, no scoped objects")
        })
        .collect();
    let mut want: BTreeSet<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    want.extend([
        "core:event:allow-listen".into(),
        "core:event:allow-unlisten".into(),
    ]);
    let granted: BTreeSet<String> = granted.into_iter().map(String::from).collect();
    assert_eq!(
        granted, want,
        "capabilities/main.json must grant exactly the listed commands (and event listening)"
    );
}

#[test]
fn commands_are_each_called_from_api_ts() {
    let api = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/api.ts"),
    )
    .unwrap();
    let unused: Vec<_> = COMMANDS
        .iter()
        .filter(|c| !api.contains(&format!("'{c}'")))
        .collect();
    assert!(
        unused.is_empty(),
        "commands api.ts does not call: {unused:?}"
    );
}

#[test]
fn commands_map_for_typescript_matches_the_committed_file() {
    crate::tests::check_bindings([("commands", Ok::<_, String>(command_map()))], "commands");
}
