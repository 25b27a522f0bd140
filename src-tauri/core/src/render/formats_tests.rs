//! The JSON-LD of every bundled role with the example posting fields has every required
//! JobPosting property; a missing one is named.

use super::formats::{json_ld, missing_required, JSON_LD_REQUIRED};
use super::golden_tests::acme_posting;
use super::*;
use crate::drafts::Draft;
use crate::library::bundled_roles;

#[test]
fn the_json_ld_of_every_bundled_role_has_the_required_properties() {
    let renderer = Renderer::new();
    for role in bundled_roles().unwrap() {
        let mut draft = Draft::new("ld", &role.id, DEFAULT_TEMPLATE);
        draft.posting = acme_posting();
        for pair in [
            "salary_min=180000",
            "salary_max=220000",
            "currency=EUR",
            "salary_period=year",
            "employment_type=full_time",
        ] {
            draft.posting.set_pair(pair).unwrap();
        }
        let ctx = renderer
            .context(&role, &draft, Meta::at("2026-12-01", DEFAULT_TEMPLATE))
            .unwrap();
        let md = renderer.render_markdown(DEFAULT_TEMPLATE, &ctx).unwrap();
        let ld = json_ld(&ctx, &md);
        assert!(ld.missing.is_empty(), "{}: {:?}", role.id, ld.missing);
        let v = &ld.value;
        for key in JSON_LD_REQUIRED {
            assert!(v.get(key).is_some(), "{}: {key}", role.id);
        }
        assert_eq!(v["title"], role.title.as_str());
        assert_eq!(v["datePosted"], "2026-12-01");
        assert_eq!(v["validThrough"], "2027-01-31");
        assert_eq!(v["employmentType"], "FULL_TIME");
        assert_eq!(v["hiringOrganization"]["name"], "Acme");
        assert_eq!(v["jobLocation"][0]["address"]["addressCountry"], "DE");
        assert_eq!(v["baseSalary"]["currency"], "EUR");
        assert_eq!(v["baseSalary"]["value"]["minValue"], 180000.0);
        assert_eq!(v["baseSalary"]["value"]["unitText"], "YEAR");
        assert_eq!(v["identifier"]["value"], "ENG-0420");
        assert!(v["description"].as_str().unwrap().contains("<h2>"));
    }
}

#[test]
fn a_missing_required_property_is_named_and_remote_jobs_need_no_place() {
    let renderer = Renderer::new();
    let roles = bundled_roles().unwrap();
    let role = &roles[0];
    let draft = Draft::new("ld", &role.id, DEFAULT_TEMPLATE);
    let ctx = renderer
        .context(role, &draft, Meta::at("2026-12-01", DEFAULT_TEMPLATE))
        .unwrap();
    let ld = json_ld(&ctx, "# x");
    assert_eq!(ld.missing, ["hiringOrganization", "jobLocation"]);
    let err = super::formats::json_ld_checked(&ctx, "# x").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the JSON-LD lacks required JobPosting properties: hiringOrganization, jobLocation"
    );
    let mut remote = draft.clone();
    for pair in ["company=Acme", "workplace=remote", "applicant_regions=US"] {
        remote.posting.set_pair(pair).unwrap();
    }
    let ctx = renderer
        .context(role, &remote, Meta::at("2026-12-01", DEFAULT_TEMPLATE))
        .unwrap();
    let ld = json_ld(&ctx, "# x");
    assert!(ld.missing.is_empty(), "{:?}", ld.missing);
    assert_eq!(ld.value["jobLocationType"], "TELECOMMUTE");
    assert_eq!(ld.value["applicantLocationRequirements"][0]["name"], "US");
    assert_eq!(
        missing_required(&serde_json::json!({"title": " "})),
        JSON_LD_REQUIRED
    );
}
