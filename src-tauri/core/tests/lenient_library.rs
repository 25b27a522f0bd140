//! A library with one broken role file still shows every other role; the broken one is named.

use rolecraft_core::library::{DirState, Library, LibrarySources};

#[test]
fn a_broken_user_file_is_named_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut mine = Library::open(&LibrarySources::default())
        .expect("bundled")
        .get("cto")
        .expect("cto is bundled")
        .as_ref()
        .clone();
    mine.id = "staff-cto".into();
    mine.title = "Staff CTO".into();
    std::fs::write(
        dir.path().join("staff-cto.json"),
        rolecraft_core::library::role_json(&mine),
    )
    .expect("write");
    std::fs::write(dir.path().join("broken.json"), "{ \"id\": \"broken\", ").expect("write");

    let (library, problems) = Library::open_lenient(&LibrarySources {
        only: None,
        user_dir: Some(dir.path().to_path_buf()),
    });
    assert!(library.get("staff-cto").is_ok(), "the good user role loads");
    assert!(
        library.get("vp-of-engineering").is_ok(),
        "bundled roles load"
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    let message = problems[0].to_string();
    assert!(message.contains("broken.json:1:"), "{message}");

    // Saving (imports) still refuses while the broken file is there.
    assert!(DirState::read(dir.path()).is_err());
    // The strict open fails as before.
    assert!(Library::open(&LibrarySources {
        only: None,
        user_dir: Some(dir.path().to_path_buf()),
    })
    .is_err());
}
