//! A recruiter's posting checks in the real app: a Denver job names Colorado's pay and benefits
//! rules until both are given, a gender-coded word's finding takes the user to the item it
//! came from, and the posting exports as JSON-LD and HTML.

use crate::driver::Session;

#[test]
fn denver_needs_pay_and_benefits_a_gender_coded_finding_opens_its_item_and_it_exports() {
    let mut s = Session::start(&[]);
    s.new_draft("director-of-engineering", None);
    let company = s.find("input[name=company]");
    s.type_into(&company, "Acme Robotics");

    s.add_location("Denver", "CO", "US");

    // Colorado: the pay range and a description of benefits, each an error naming the state.
    let errors = s.wait_until(
        ".findings li.finding.error[data-rule=pay_transparency]",
        "Colorado's pay-transparency errors",
        |s, e| {
            let texts: Vec<String> = e.iter().map(|f| s.text(f).to_lowercase()).collect();
            texts
                .iter()
                .any(|t| t.contains("colorado") && t.contains("benefit"))
                && texts
                    .iter()
                    .any(|t| t.contains("colorado") && t.contains("pay range"))
        },
    );
    assert!(!errors.is_empty());
    s.type_pay("180000", "220000", "USD");
    let errors = s.wait_until(
        ".findings li.finding.error[data-rule=pay_transparency]",
        "only the benefits error to remain once pay is given",
        |s, e| {
            !e.is_empty()
                && e.iter()
                    .all(|f| s.text(f).to_lowercase().contains("benefit"))
        },
    );
    assert!(!errors.is_empty());
    let benefits = s.find("textarea[name=benefits]");
    s.type_into(
        &benefits,
        "Health, dental and vision cover; 401(k) with a 4% match.",
    );
    s.wait_until(
        ".findings li.finding.error[data-rule=pay_transparency]",
        "Colorado's errors to go once pay and benefits are given",
        |_, e| e.is_empty(),
    );

    // A gender-coded word: its finding names the item, and the link goes to that item.
    let coded = s.wait_until(
        ".findings li.finding[data-rule=gender_coded]",
        "a gender-coded finding",
        |_, e| !e.is_empty(),
    );
    let word = s.text(&coded[0]);
    let word = word
        .split('"')
        .nth(1)
        .unwrap_or_else(|| panic!("the finding quotes its word: {word}"))
        .to_lowercase();
    let links = s.children(&coded[0], "button.link:not(.message)");
    let link = links.first().expect("the finding links to its item");
    s.click(link);
    let focused = s.execute(
        "const a = document.activeElement; \
         const item = a && a.closest('[data-item]'); \
         return [item ? item.textContent : null, a ? a.hasAttribute('data-flash') : false, \
                 a && a.closest('[data-section]') ? a.closest('[data-section]').dataset.section : null];",
        serde_json::json!([]),
    );
    let text = focused[0]
        .as_str()
        .unwrap_or_else(|| panic!("the focus is not on an item: {focused}"))
        .to_lowercase();
    assert!(
        text.contains(&word),
        "the item focused does not hold {word:?}: {text}"
    );
    assert_eq!(focused[1], serde_json::json!(true), "the item is marked");
    assert!(focused[2].is_string(), "{focused}");

    // Exported for a job board (schema.org JSON-LD) and as an HTML document.
    let ld = export(&mut s, "JSON-LD (schema.org)", "jsonld", "JobPosting");
    let ld: serde_json::Value = serde_json::from_str(&ld).expect("JSON-LD is JSON");
    assert_eq!(ld["@type"], "JobPosting", "{ld}");
    assert_eq!(ld["hiringOrganization"]["name"], "Acme Robotics", "{ld}");
    assert_eq!(ld["baseSalary"]["currency"], "USD", "{ld}");
    assert!(ld["jobLocation"].to_string().contains("Denver"), "{ld}");
    let html = export(&mut s, "HTML document", "html", "Acme Robotics");
    assert!(html.contains("Director of Engineering"), "{html}");
    assert!(html.contains("Content-Security-Policy"), "{html}");
}

/// Exports through the Export… menu (confirming when the app asks first) and returns the
/// file's text once it holds `want`.
fn export(s: &mut Session, label: &str, ext: &str, want: &str) -> String {
    s.choose_export(label);
    let path = s
        .save_dir
        .join(format!("director-of-engineering-acme-robotics.{ext}"));
    // The app asks first while the posting has errors or empty fields.
    for _ in 0..20 {
        if path.exists() {
            break;
        }
        let asked = s.all(".confirm button.primary");
        if let Some(anyway) = asked.first() {
            s.click(anyway);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    crate::wait_for_file(&path, want)
}
