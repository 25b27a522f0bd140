//! The draft editor's commands: drafts saved in `<data dir>/drafts` (atomic writes in the core),
//! templates from the core's `Renderer` (built-ins plus `<data dir>/templates`), the live
//! preview rendered in Rust, export through the save dialog and copy to the clipboard.

use rolecraft_core::checks::{self, Report};
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::drafts::{
    self, ChoiceError, Draft, DraftStore, DraftSummary, OutlineSection, PostingField,
};
use rolecraft_core::model::Role;
use rolecraft_core::render::{
    self, markdown_to_html, ExportFormat, OutputFormat, Renderer, TemplateInfo,
};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError};
use crate::save;
use crate::state::{load_renderer, off_main, templates_dir, AppState};

type Result<T> = std::result::Result<T, IpcError>;

fn store() -> Result<DraftStore> {
    DataDir::from_env()
        .map(|d| DraftStore::in_data_dir(&d))
        .ok_or_else(|| {
            IpcError::new(
                ErrorKind::Io,
                "no data folder: set ROLECRAFT_DATA_DIR or HOME",
            )
        })
}

/// A posting field and its label, for the form.
#[derive(Debug, Serialize, TS)]
pub struct FieldInfo {
    pub field: PostingField,
    pub label: String,
}

/// What the editor offers: the templates (re-read from the user's folder) and the posting fields.
#[derive(Debug, Serialize, TS)]
pub struct EditorOptions {
    pub templates: Vec<TemplateInfo>,
    pub fields: Vec<FieldInfo>,
    /// Where user templates go.
    pub templates_dir: Option<String>,
    /// Set when the user's templates folder could not be read.
    pub problem: Option<String>,
}

/// The editor's view of a draft: its outline and its rendering (or why it does not render).
#[derive(Debug, Serialize, TS)]
pub struct DraftPreview {
    pub outline: Vec<OutlineSection>,
    /// The whole sanitised HTML document; null when the template fails.
    pub html: Option<String>,
    /// Posting fields the template uses that are still empty.
    pub unset_fields: Vec<PostingField>,
    /// A template error (with its name, line and column), an unknown section, ...
    pub error: Option<IpcError>,
}

#[tauri::command]
pub fn editor_options(state: State<'_, AppState>) -> Result<EditorOptions> {
    let (renderer, problem) = load_renderer();
    let templates = renderer.templates();
    *state.renderer.write()? = renderer;
    let fields = PostingField::ALL
        .iter()
        .map(|f| FieldInfo {
            field: *f,
            label: f.label().to_string(),
        })
        .collect();
    Ok(EditorOptions {
        templates,
        fields,
        templates_dir: templates_dir().map(|d| d.display().to_string()),
        problem,
    })
}

#[tauri::command]
pub fn list_drafts() -> Result<Vec<DraftSummary>> {
    Ok(store()?.list()?)
}

/// A new draft of a library role, saved at once.
#[tauri::command]
pub fn create_draft(
    state: State<'_, AppState>,
    role_id: String,
    template: Option<String>,
) -> Result<Draft> {
    state.library().read()?.get(&role_id)?;
    let store = store()?;
    let template = template.unwrap_or_else(|| render::DEFAULT_TEMPLATE.to_string());
    let draft = Draft::new(&store.new_id(&role_id), &role_id, &template);
    Ok(store.save(&draft)?)
}

#[tauri::command]
pub fn open_draft(id: String) -> Result<Draft> {
    Ok(store()?.load(&id)?)
}

/// Autosave: writes the draft atomically and returns it with its new `updated_at`.
#[tauri::command]
pub fn save_draft(draft: Draft) -> Result<Draft> {
    Ok(store()?.save(&draft)?)
}

#[tauri::command]
pub fn duplicate_draft(id: String) -> Result<Draft> {
    Ok(store()?.duplicate(&id)?)
}

#[tauri::command]
pub fn delete_draft(id: String) -> Result<()> {
    Ok(store()?.delete(&id)?)
}

/// Renders on a blocking thread, never the main one: a template that hits a limit is an
/// error in the preview, and the window stays responsive while a heavy one renders.
#[tauri::command]
pub async fn preview_draft<R: Runtime>(app: AppHandle<R>, draft: Draft) -> Result<DraftPreview> {
    off_main(&app, "preview", move |state| preview(state, draft)).await
}

fn preview(state: &AppState, draft: Draft) -> Result<DraftPreview> {
    let library = state.library().read()?;
    let renderer = state.renderer.read()?;
    let role = library.get(&draft.role_id)?;
    let defaults = default_sections(&renderer, &draft);
    let outline = drafts::outline(&role, &draft, defaults.as_deref());
    Ok(
        match renderer.render_draft(&role, &draft, OutputFormat::Html) {
            Ok(r) => DraftPreview {
                outline,
                html: Some(r.text),
                unset_fields: r.unset_fields,
                error: None,
            },
            Err(e) => DraftPreview {
                outline,
                html: None,
                unset_fields: Vec::new(),
                error: Some(e.into()),
            },
        },
    )
}

/// Switches an item of the draft on or off (the core's `Draft::switch_item`); returns the draft.
#[tauri::command]
pub fn switch_draft_item(mut draft: Draft, section: String, index: u32, on: bool) -> Draft {
    draft.switch_item(&section, index, on);
    draft
}

/// The sections the draft's template shows by default (`sections:` in its header), if any.
fn default_sections(renderer: &Renderer, draft: &Draft) -> Option<Vec<String>> {
    renderer
        .info(&draft.template)
        .ok()
        .and_then(|t| t.default_sections.clone())
}

/// Applies a section change (the core's `Draft::switch_section` / `move_section`) with the
/// draft's role and its template's default sections; returns the draft.
fn change_sections(
    state: &AppState,
    mut draft: Draft,
    change: impl FnOnce(&mut Draft, &Role, Option<&[String]>) -> std::result::Result<(), ChoiceError>,
) -> Result<Draft> {
    let library = state.library().read()?;
    let renderer = state.renderer.read()?;
    let role = library.get(&draft.role_id)?;
    let defaults = default_sections(&renderer, &draft);
    change(&mut draft, &role, defaults.as_deref())
        .map_err(|e| IpcError::new(ErrorKind::BadInput, e.to_string()))?;
    Ok(draft)
}

/// Puts a section into the posting (after the chosen ones) or takes it out; returns the draft.
#[tauri::command]
pub fn switch_draft_section(
    state: State<'_, AppState>,
    draft: Draft,
    section: String,
    on: bool,
) -> Result<Draft> {
    change_sections(&state, draft, |d, role, defaults| {
        d.switch_section(role, defaults, &section, on)
    })
}

/// Moves a chosen section up (`by` -1) or down (`by` 1); returns the draft.
#[tauri::command]
pub fn move_draft_section(
    state: State<'_, AppState>,
    draft: Draft,
    section: String,
    by: i32,
) -> Result<Draft> {
    change_sections(&state, draft, |d, role, defaults| {
        d.move_section(role, defaults, &section, by)
    })
}

/// Sets an item's text for this posting (the core's `Draft::edit_item`): null, a blank text or
/// the library role's own text drops the edit. Returns the draft.
#[tauri::command]
pub fn edit_draft_item(
    state: State<'_, AppState>,
    mut draft: Draft,
    section: String,
    index: u32,
    text: Option<String>,
) -> Result<Draft> {
    let library = state.library().read()?;
    let role = library.get(&draft.role_id)?;
    let original = role
        .section(&section)
        .and_then(|s| s.items.get(index as usize))
        .ok_or_else(|| {
            let what = format!("{} has no item {index} in \"{section}\"", role.id);
            IpcError::new(ErrorKind::BadInput, what)
        })?;
    draft.edit_item(&section, index, text.as_deref(), &original.text);
    Ok(draft)
}

/// The draft as `format`, and the stem of its file name (role title and company).
fn exported(state: &AppState, draft: &Draft, format: ExportFormat) -> Result<(Vec<u8>, String)> {
    let library = state.library().read()?;
    let renderer = state.renderer.read()?;
    let role = library.get(&draft.role_id)?;
    let bytes = renderer.export(&role, draft, format)?;
    let company = draft
        .posting
        .company
        .as_deref()
        .filter(|c| !c.trim().is_empty());
    let stem = match company {
        Some(c) => format!("{} {c}", role.title),
        None => role.title.clone(),
    };
    Ok((bytes, stem))
}

/// Exports the draft through the save dialog: Markdown, an HTML document or fragment, plain
/// text, JSON-LD or Word.
#[tauri::command]
pub async fn export_draft<R: Runtime>(
    app: AppHandle<R>,
    draft: Draft,
    format: ExportFormat,
) -> Result<Option<String>> {
    let (bytes, stem) = off_main(&app, "export", move |s| exported(s, &draft, format)).await?;
    save::save_with_dialog(&app, &save::file_name(&stem, format), format, &bytes)
}

/// Checks the draft's posting (the core's checks: pay transparency for its locations, wording,
/// spelling, length, required fields); every finding says where it came from.
#[tauri::command]
pub async fn check_draft<R: Runtime>(app: AppHandle<R>, draft: Draft) -> Result<Report> {
    off_main(&app, "check", move |state| {
        let checker = state.checker()?;
        let library = state.library().read()?;
        let renderer = state.renderer.read()?;
        let role = library.get(&draft.role_id)?;
        Ok(checks::check_draft(&checker, &renderer, &role, &draft)?.1)
    })
    .await
}

/// Copies the draft: as Markdown (`md`), as rich text (`html`: sanitised HTML, with the
/// Markdown as the plain-text alternative) for pasting into an applicant-tracking system, or as
/// plain text (`text`) for forms that take no formatting.
#[tauri::command]
pub async fn copy_draft<R: Runtime>(
    app: AppHandle<R>,
    draft: Draft,
    format: ExportFormat,
) -> Result<()> {
    if !matches!(
        format,
        ExportFormat::Md | ExportFormat::Html | ExportFormat::Text
    ) {
        let what = format!(
            "cannot copy as {}: copy takes md, html or text",
            format.extension()
        );
        return Err(IpcError::new(ErrorKind::BadInput, what));
    }
    let (markdown, _) =
        off_main(&app, "copy", move |s| exported(s, &draft, ExportFormat::Md)).await?;
    let markdown = String::from_utf8_lossy(&markdown).into_owned();
    let clipboard = app.clipboard();
    let done = match format {
        ExportFormat::Html => clipboard.write_html(markdown_to_html(&markdown), Some(markdown)),
        ExportFormat::Text => clipboard.write_text(render::formats::plain_text(&markdown)),
        _ => clipboard.write_text(markdown),
    };
    done.map_err(|e| IpcError::new(ErrorKind::Io, format!("cannot copy to the clipboard: {e}")))
}
