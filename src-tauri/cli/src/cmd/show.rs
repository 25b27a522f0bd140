use clap::{Args, ValueEnum};
use rolecraft_core::library::{role_json, Library};
use rolecraft_core::model::Role;

#[derive(Clone, Copy, ValueEnum)]
pub enum ShowFormat {
    Md,
    Json,
}

#[derive(Args)]
pub struct ShowArgs {
    /// Role id, e.g. vp-of-engineering.
    id: String,
    #[arg(long, value_enum, default_value = "md")]
    format: ShowFormat,
    /// Short for --format json.
    #[arg(long)]
    json: bool,
}

pub fn run(lib: &Library, args: &ShowArgs) -> Result<String, String> {
    let role = lib.get(&args.id).map_err(|e| e.to_string())?;
    Ok(match (args.json, args.format) {
        (true, _) | (_, ShowFormat::Json) => role_json(&role),
        (false, ShowFormat::Md) => role_markdown(&role),
    })
}

fn role_markdown(role: &Role) -> String {
    let mut out = format!("# {}\n\n", role.title);
    if let Some(track) = &role.track {
        out.push_str(&format!("- Track: {track}\n"));
    }
    if let Some(level) = role.level {
        out.push_str(&format!("- Level: {level}\n"));
    }
    for (k, v) in &role.facts {
        out.push_str(&format!("- {}: {v}\n", k.replace('_', " ")));
    }
    for section in &role.sections {
        out.push_str(&format!("\n## {}\n\n", section.title));
        let mut group: Option<&str> = None;
        for item in &section.items {
            if item.group.as_deref() != group {
                group = item.group.as_deref();
                if let Some(g) = group {
                    out.push_str(&format!("\n### {g}\n\n"));
                }
            }
            out.push_str(&format!("- {}\n", item.text));
        }
    }
    if !role.skills.is_empty() {
        out.push_str("\n## SFIA skills\n");
        for skill in &role.skills {
            let level = skill
                .level
                .map(|l| format!(", level {l}"))
                .unwrap_or_default();
            out.push_str(&format!("\n### {} ({}{level})\n\n", skill.name, skill.code));
            for item in &skill.attainment {
                out.push_str(&format!("- {}\n", item.text));
            }
        }
    }
    out.push_str("\n## Sources\n\n");
    for s in &role.sources {
        out.push_str(&format!("- {} ({})\n", s.file, s.format.name()));
    }
    out
}
